import type { CheckInResult } from "@bridgework/domain";
import { Alert, Button, Group, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { displayTimeZone } from "../../../lib/format.ts";
import { problemMessage } from "../../../lib/problem-message.ts";
import { useCheckIn } from "../api/event-day.ts";
import { formatTime } from "./time.ts";
import { stationLabel } from "./station.ts";

/** The browser's barcode reader where it exists (Chrome on Android): optional, the text field always works. */
interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type BarcodeReaderClass = new (options?: { formats?: string[] }) => BarcodeReader;
const barcodeReader = (): BarcodeReaderClass | undefined =>
  (globalThis as unknown as { BarcodeDetector?: BarcodeReaderClass }).BarcodeDetector;

/** The sentence for a check-in's answer, read out by the live region. */
export function useCheckInSentence() {
  const { t, i18n } = useTranslation();
  const zone = displayTimeZone();
  return (r: CheckInResult) => {
    const time = (iso: string) => formatTime(iso, i18n.language, zone);
    const parts = [
      r.alreadyCheckedIn && r.checkedInAt
        ? t("eventDay.scan.already", { name: r.name, time: time(r.checkedInAt) })
        : t(r.kind === "volunteer" ? "eventDay.scan.volunteerIn" : "eventDay.scan.studentIn", {
            name: r.name,
            detail: r.detail,
          }),
    ];
    if (r.station) parts.push(t("eventDay.scan.station", { station: stationLabel(t, r.station) }));
    if (r.nextInterview)
      parts.push(t("eventDay.scan.next", { time: time(r.nextInterview.startsAt), with: r.nextInterview.withName }));
    return parts.join(" ");
  };
}

/** "Scan or type a badge code": a hand scanner types the code and Enter; the camera is offered where the browser can read codes. */
export function CheckInScan({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(eventId);
  const sentence = useCheckInSentence();
  const [code, setCode] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (value: string) => {
    if (!value.trim()) return;
    try {
      const r = await checkIn.mutateAsync({ by: "code", code: value });
      setResult({ ok: true, text: sentence(r) });
    } catch (error) {
      setResult({ ok: false, text: problemMessage(t, error) });
    }
    setCode("");
    input.current?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(code);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="check-in-heading">
      <Title order={2} size="h3" id="check-in-heading">
        {t("eventDay.scan.heading")}
      </Title>
      <form onSubmit={onSubmit}>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            ref={input}
            label={t("eventDay.scan.label")}
            description={t("eventDay.scan.hint")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            style={{ flex: "1 1 200px" }}
          />
          <Button type="submit" loading={checkIn.isPending}>
            {t("eventDay.scan.submit")}
          </Button>
        </Group>
      </form>
      {barcodeReader() ? <CameraScan onCode={(c) => void submit(c)} /> : null}
      <div role="status" aria-live="polite">
        {result ? (
          <Alert color={result.ok ? "green" : "red"} variant="light">
            {result.text}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}

/** Reads a badge with the phone's camera, a frame every half second, until a code is found or stopped. */
function CameraScan({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  // The latest callback without restarting the camera on every render.
  const found = useRef(onCode);
  useEffect(() => {
    found.current = onCode;
  }, [onCode]);

  useEffect(() => {
    const Reader = barcodeReader();
    if (!on || !Reader) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const reader = new Reader();
    const look = async () => {
      if (stopped || !video.current) return;
      const codes = await reader.detect(video.current).catch(() => []);
      if (codes[0]?.rawValue) {
        setOn(false);
        found.current(codes[0].rawValue);
        return;
      }
      timer = window.setTimeout(() => void look(), 500);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(async (s) => {
        stream = s;
        if (!video.current || stopped) return;
        video.current.srcObject = s;
        await video.current.play();
        void look();
      })
      .catch(() => {
        setFailed(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on]);

  return (
    <Stack gap="xs">
      <Button variant="default" onClick={() => setOn((v) => !v)} aria-pressed={on} w="fit-content">
        {on ? t("eventDay.scan.cameraStop") : t("eventDay.scan.camera")}
      </Button>
      {on ? <video ref={video} aria-label={t("eventDay.scan.cameraVideo")} muted playsInline width="100%" /> : null}
      {failed ? (
        <Alert color="yellow" variant="light">
          {t("eventDay.scan.cameraFailed")}
        </Alert>
      ) : null}
    </Stack>
  );
}
