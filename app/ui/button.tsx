// Buttons over the shared .button styles (app/globals.css): <Button> for
// actions, <ButtonLink> for navigation that looks like a button, and
// buttonClass for the rare element that is neither (a download link).
import Link from "next/link";
import type { ComponentProps } from "react";

export interface ButtonLook {
  /** primary: the page's main action; danger: destroys something. */
  variant?: "primary" | "danger";
  size?: "small";
  className?: string;
}

/** The class list of a button-looking element. */
export function buttonClass({ variant, size, className }: ButtonLook = {}): string {
  return ["button", variant && `button-${variant}`, size && `button-${size}`, className].filter(Boolean).join(" ");
}

/** A <button>, type="button" unless told otherwise. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonLook & ComponentProps<"button">) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A Next.js <Link> that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLook & ComponentProps<typeof Link>) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
