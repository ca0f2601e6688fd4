import { Anchor, type AnchorProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import { forwardRef, type AnchorHTMLAttributes } from "react";

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>(
  (props, ref) => <Anchor component="a" ref={ref} {...props} />,
);
MantineAnchor.displayName = "MantineAnchor";

/** Mantine's Anchor as a typed router link (params and search checked against the route tree). */
export const AnchorLink = createLink(MantineAnchor);
