// Several free-text answers in one message, one per line (SPEC §7): lines fill the questions
// in the order asked, from the current one; a line opening with a question's label
// («familia: …») goes to that question whatever its place.

export type GroupedReading = { ok: true; answers: Record<string, string> } | { ok: false; lines: number; left: number };

/**
 * `fields`: the questions not asked yet, the current one first. `fieldOfLabel` names the
 * question a label stands for (any of the group's), or undefined when it is not a label.
 * More unlabelled lines than questions left is refused: nothing is guessed.
 */
export function readGroupedLines(lines: readonly string[], fields: readonly string[], fieldOfLabel: (label: string) => string | undefined): GroupedReading {
  const answers: Record<string, string> = {};
  const unlabelled: string[] = [];
  for (const line of lines) {
    const labelled = /^([^:]{1,40}):\s*(.*)$/.exec(line);
    const field = labelled ? fieldOfLabel(labelled[1]!) : undefined;
    if (field) answers[field] = labelled![2]!.trim();
    else unlabelled.push(line.trim());
  }
  const open = fields.filter((field) => !(field in answers));
  if (unlabelled.length > open.length) return { ok: false, lines: lines.length, left: fields.length };
  unlabelled.forEach((line, i) => {
    answers[open[i]!] = line;
  });
  return { ok: true, answers };
}
