"use client";
// The site navigation's links, marking the current section for sighted and screen-reader users.
import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./site-header.module.css";

export const NAV_ITEMS = [
  { href: "/", label: "Runs" },
  { href: "/runs/new", label: "New run" },
  { href: "/compare", label: "Compare" },
  { href: "/playground", label: "Playground" },
  { href: "/learn", label: "Learn" },
  { href: "/sweep", label: "Sweep" },
  { href: "/analysis", label: "Analysis" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/" || (pathname.startsWith("/runs/") && pathname !== "/runs/new");
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <ul className={styles.links}>
      {NAV_ITEMS.map((item) => (
        <li key={item.href}>
          <Link href={item.href} className={styles.link} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
