/** Focus the page's `<h1>` (made focusable by script, not by Tab): where a reader starts over. */
export function focusPageHeading(): boolean {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus();
  return true;
}
