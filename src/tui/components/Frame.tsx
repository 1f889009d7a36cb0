// Draws a screen computed as lines: exactly `height` rows, each cut to the width, so the frame never
// changes size between key presses and ink only rewrites the rows that changed.
import { Box, Text } from 'ink';
import type { Line, Run, Style } from '../text.js';

type TextStyle = {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
};

/** The look of each style, in one place. */
const THEME: Record<Style, TextStyle> = {
  plain: {},
  bold: { bold: true },
  dim: { dimColor: true },
  key: { bold: true, color: 'cyan' },
  current: { backgroundColor: 'yellow', color: 'black' },
  other: { underline: true },
  removed: { backgroundColor: 'red', color: 'white', strikethrough: true },
  added: { backgroundColor: 'green', color: 'black' },
  caret: { inverse: true },
  selected: { inverse: true },
  info: { color: 'cyan' },
  warn: { color: 'yellow' },
  error: { color: 'red', bold: true },
  critical: { color: 'red', bold: true },
  major: { color: 'yellow' },
  minor: { color: 'blue' },
  accepted: { color: 'green', bold: true },
  rejected: { color: 'magenta', bold: true },
};

function StyledRun({ run }: { run: Run }) {
  return <Text {...THEME[run.style]}>{run.text}</Text>;
}

export function Frame({ lines, width, height }: { lines: readonly Line[]; width: number; height: number }) {
  const rows = lines.slice(0, height);
  while (rows.length < height) rows.push([]);
  return (
    // No overflow clipping: the views fit every line to the width already, and clipping costs ink more than
    // drawing the frame.
    <Box flexDirection="column" width={width} height={height}>
      {rows.map((line, i) => (
        <Box key={i} height={1} width={width}>
          <Text wrap="truncate-end">
            {line.length ? line.map((run, j) => <StyledRun key={j} run={run} />) : ' '}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
