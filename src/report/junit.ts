// JUnit XML for CI test dashboards: one test case per document, one <failure> per finding.
import type { DocumentResult } from '../engine/linter.js';
import type { ReporterFactory } from './types.js';

/** Escapes text for XML 1.0 content and attributes, dropping characters XML cannot hold at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number) => `${name}="${escapeXml(String(value))}"`;

function testCase(result: DocumentResult): string {
  const open = `    <testcase ${attr('classname', 'mtaudit')} ${attr('name', result.path)} ${attr('file', result.path)} ${attr('time', 0)}`;
  if (result.findings.length === 0) return `${open}/>\n`;
  const failures = result.findings.map((f) => {
    const where = `${f.line}:${f.column}`;
    const body = [
      `${where}-${f.endLine}:${f.endColumn} ${f.severity} ${f.category} ${f.ruleId}`,
      f.message,
      ...(f.fix ? [`fix (${f.fix.applicability}): ${f.fix.edits.map((e) => JSON.stringify(e.text)).join(', ')}`] : []),
    ].join('\n');
    return `      <failure ${attr('message', `${where} ${f.message}`)} ${attr('type', f.ruleId)}>${escapeXml(body)}</failure>\n`;
  });
  const properties =
    `      <properties>\n        <property ${attr('name', 'words')} ${attr('value', result.words)}/>\n` +
    `        <property ${attr('name', 'mqm.penalty')} ${attr('value', result.score.penalty)}/>\n` +
    `        <property ${attr('name', 'mqm.per1000Words')} ${attr('value', result.score.per1000Words)}/>\n      </properties>\n`;
  return `${open}>\n${properties}${failures.join('')}    </testcase>\n`;
}

export const junit: ReporterFactory = ({ write }) => {
  const cases: string[] = [];
  let failing = 0;
  return {
    document(result) {
      cases.push(testCase(result));
      if (result.findings.length) failing++;
    },
    finish(summary) {
      const counts = `${attr('tests', summary.files)} ${attr('failures', failing)} ${attr('errors', 0)} ${attr('skipped', 0)} ${attr('time', 0)}`;
      write(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<testsuites ${attr('name', 'mtaudit')} ${counts}>\n` +
          `  <testsuite ${attr('name', 'mtaudit')} ${counts}>\n` +
          `    <properties>\n` +
          `      <property ${attr('name', 'findings')} ${attr('value', summary.findings)}/>\n` +
          `      <property ${attr('name', 'words')} ${attr('value', summary.words)}/>\n` +
          `      <property ${attr('name', 'mqm.penalty')} ${attr('value', summary.score.penalty)}/>\n` +
          `      <property ${attr('name', 'mqm.per1000Words')} ${attr('value', summary.score.per1000Words)}/>\n` +
          `    </properties>\n` +
          cases.join('') +
          '  </testsuite>\n</testsuites>\n',
      );
    },
  };
};
