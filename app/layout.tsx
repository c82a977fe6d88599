import type { Metadata } from "next";
import { connection } from "next/server";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IME Portal", template: "%s · IME Portal" },
  description: "Book and follow Independent Medical Examinations.",
};

/**
 * Every page renders per request: its scripts carry the nonce of that response's
 * Content-Security-Policy (proxy.ts), which a page prerendered at build time could not know.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
