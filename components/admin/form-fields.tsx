/** Shared by server pages and client forms: plain values and a server-safe component (no "use client"). */
export const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function Field({
  label,
  children,
  className = "",
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <label className={`flex flex-col gap-1 text-xs font-medium text-slate-600 ${className}`}>
      {label}
      {children}
    </label>
  );
}
