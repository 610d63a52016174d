"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 focus:outline-none focus:ring-2 focus:ring-teal-700">
      {label}
    </button>
  );
}
