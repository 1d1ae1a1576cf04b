/**
 * German has long words ("Kompetenzvermittlung", "Behördenkommunikation"). In a narrow column they
 * would break mid-word, which reads like a typo from across the room. Each element whose longest
 * word does not fit is set a little smaller until it does; only below `minScale` may it break, and
 * then it gets the class `breakClass` (which should allow `overflow-wrap: anywhere`).
 * The elements must not wrap long words on their own (`overflow-wrap: normal`).
 */
export function fitLongWords(
  container: ParentNode | null,
  selector: string,
  options: { minScale: number; breakClass: string },
): void {
  for (const element of container?.querySelectorAll<HTMLElement>(selector) ?? []) {
    element.style.fontSize = '';
    element.classList.remove(options.breakClass);
    const base = parseFloat(getComputedStyle(element).fontSize);
    let scale = 1;
    while (element.scrollWidth > element.clientWidth + 1 && scale > options.minScale) {
      scale -= 0.04;
      element.style.fontSize = `${base * scale}px`;
    }
    if (element.scrollWidth > element.clientWidth + 1) {
      element.classList.add(options.breakClass);
    }
  }
}
