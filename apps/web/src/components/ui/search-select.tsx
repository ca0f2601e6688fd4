import { Loader, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

export interface ChooserOption {
  value: string;
  label: string;
  /** Options with the same group are listed under it (e.g. the employer), in the order given. */
  group?: string;
}

export interface ChooserPage {
  options: ChooserOption[];
  /** How many match in all (the endpoint pages; the list shows the first page). */
  total: number;
}

interface SearchSelectProps {
  label: string;
  description?: string;
  required?: boolean;
  error?: string | undefined;
  placeholder?: string;
  value: string | null;
  onChange: (value: string | null, option: ChooserOption | null) => void;
  onBlur?: () => void;
  /** Identifies the search in the query cache; the typed text is appended. */
  queryKey: readonly unknown[];
  /** Asks the server for the options matching `q` (empty: the first page of all). */
  search: (q: string, signal: AbortSignal) => Promise<ChooserPage>;
  /** The chosen option's label when the form opens with a value (editing). */
  initialOption?: ChooserOption | null;
  disabled?: boolean;
  name?: string;
}

/**
 * A searchable chooser over a paginated search endpoint: type part of a name, the server
 * filters (debounced), options are grouped (e.g. by employer), arrows + Enter pick one. It is a
 * combobox with the field's label as its accessible name; the hint under it says when more
 * match than are listed.
 */
export function SearchSelect({
  label,
  description,
  required,
  error,
  placeholder,
  value,
  onChange,
  onBlur,
  queryKey,
  search,
  initialOption = null,
  disabled,
  name,
}: SearchSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialOption?.label ?? "");
  const [chosen, setChosen] = useState<ChooserOption | null>(initialOption);
  // Once something is chosen, the box shows its label: that is not a new search.
  const q = chosen && text === chosen.label ? "" : text.trim();
  const [debouncedQ] = useDebouncedValue(q, 250);
  const result = useQuery({
    queryKey: [...queryKey, "choices", debouncedQ],
    queryFn: ({ signal }) => search(debouncedQ, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const list = [...(result.data?.options ?? [])];
    if (chosen && !list.some((o) => o.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [result.data, chosen]);

  const data = useMemo(() => {
    const groups: { group: string; items: { value: string; label: string }[] }[] = [];
    const loose: { value: string; label: string }[] = [];
    for (const o of options) {
      if (!o.group) {
        loose.push({ value: o.value, label: o.label });
        continue;
      }
      let g = groups.find((x) => x.group === o.group);
      if (!g) groups.push((g = { group: o.group, items: [] }));
      g.items.push({ value: o.value, label: o.label });
    }
    return [...loose, ...groups];
  }, [options]);

  const shown = result.data?.options.length ?? 0;
  const total = result.data?.total ?? 0;
  const hint = total > shown ? t("forms.chooser.more", { shown, total }) : undefined;

  return (
    <Select
      label={label}
      description={[description, hint].filter(Boolean).join(" ") || undefined}
      required={required}
      error={error}
      placeholder={placeholder ?? t("forms.chooser.placeholder")}
      name={name}
      disabled={disabled}
      searchable
      clearable={!required}
      data={data}
      value={value}
      searchValue={text}
      onSearchChange={setText}
      // The server filtered already; the list shows what it sent.
      filter={({ options: all }) => all}
      onChange={(next) => {
        const option = options.find((o) => o.value === next) ?? null;
        setChosen(option);
        onChange(next, option);
      }}
      onBlur={onBlur}
      nothingFoundMessage={result.isFetching ? t("forms.chooser.searching") : t("forms.chooser.nothing")}
      rightSection={result.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      // One short page, never a scrolling list: a scroll area inside a listbox can be reached
      // neither by the keyboard nor by a screen reader; typing more narrows instead.
      withScrollArea={false}
      comboboxProps={{ middlewares: { flip: true, shift: true } }}
    />
  );
}
