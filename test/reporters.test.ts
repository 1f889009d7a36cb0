// Every report format: structure, escaping, positions, and the command line's --output.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { setup } from '../src/engine/setup.js';
import { SummaryBuilder } from '../src/engine/summary.js';
import { applyEdits } from '../src/fix/apply.js';
import type { SourceDocument } from '../src/documents/types.js';
import type { DocumentResult } from '../src/engine/linter.js';
import type { Finding } from '../src/engine/types.js';
import { REPORTERS } from '../src/report/index.js';
import { annotation, escapeData, escapeProperty } from '../src/report/github.js';
import { escapeXml } from '../src/report/junit.js';
import { CORPUS, mtaudit, tempDir } from './helpers/cli.js';
import { validateSarif } from './helpers/sarif.js';

const { linter, rules } = await setup({ configFile: false });

const MAJOR = 'Global regulator NetBlocks said the country was offline.';
const MINOR = 'On tuesday night, the curfew began.';
const CRITICAL_FREE_MULTIBYTE = 'Ωmega — “Quoted” text. Kassim-Jomart Tokayev spoke.';

function fileDocument(path: string, text: string): SourceDocument {
  return { path, text, format: 'text', origin: { kind: 'file', file: path, encoding: 'utf8', bom: false } };
}

function recordDocument(file: string, line: number, id: string, text: string): SourceDocument {
  return { path: `${file}#${id}`, text, format: 'text', origin: { kind: 'record', file, line, id } };
}

/** Runs a reporter in memory over documents, as the lint command does. */
function report(format: string, documents: SourceDocument[], cwd = '/work/project'): { text: string; chunks: string[]; results: DocumentResult[] } {
  const chunks: string[] = [];
  const reporter = REPORTERS[format]!({ write: (t) => chunks.push(t), color: false, rules, cwd, version: '9.9.9' });
  const summary = new SummaryBuilder();
  const results: DocumentResult[] = [];
  for (const document of documents) {
    const result = linter.lint(document);
    results.push(result);
    summary.add(result);
    reporter.document(result, document);
  }
  reporter.finish(summary.build());
  return { text: chunks.join(''), chunks, results };
}

const SAMPLE = [
  fileDocument('news/a.txt', `${MAJOR}\n${MINOR}\n`),
  fileDocument('news/b.txt', 'The government resigned on Wednesday.\n'),
  fileDocument('news/c.txt', `${CRITICAL_FREE_MULTIBYTE}\n`),
  recordDocument('feeds/wire.jsonl', 3, 'x7', `${MINOR} ${MAJOR}`),
];

describe('json', () => {
  it('streams, document by document, exactly the text JSON.stringify(report, null, 2) gives', () => {
    const tricky = fileDocument('news/“odd” \\ name.txt', 'Line "one"\n\tGlobal regulator NetBlocks said.\u2028 Ωmega.\n');
    for (const documents of [SAMPLE, [...SAMPLE, tricky], []]) {
      const { text, chunks, results } = report('json', documents);
      const parsed = JSON.parse(text) as { summary: unknown };
      expect(text).toBe(`${JSON.stringify({ version: 1, files: results, summary: parsed.summary }, null, 2)}\n`);
      // One chunk per document and one for the end: nothing is held back.
      expect(chunks).toHaveLength(documents.length + 1);
    }
  });
});

describe('sarif', () => {
  const validate = validateSarif;

  it('the corpus report validates against the official SARIF 2.1.0 schema', () => {
    const r = mtaudit(['lint', '--format', 'sarif', CORPUS]);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(10);
  });

  it('an in-memory report with JSONL articles validates too', () => {
    const log = JSON.parse(report('sarif', SAMPLE).text);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The validator does catch a broken log.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  const log = JSON.parse(report('sarif', SAMPLE).text);
  const run = log.runs[0];

  it('describes every enabled rule with its documentation as help', () => {
    expect(run.tool.driver.name).toBe('mtaudit');
    expect(run.tool.driver.version).toBe('9.9.9');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(rules.filter((r) => r.enabled).map((r) => r.id));
    const watchdog = run.tool.driver.rules.find((r: { id: string }) => r.id === 'mistranslation.watchdog-as-regulator');
    const rule = rules.find((r) => r.id === 'mistranslation.watchdog-as-regulator')!;
    expect(watchdog.shortDescription.text).toBe(rule.doc.summary);
    expect(watchdog.help.markdown).toContain(rule.doc.why.trim());
    expect(watchdog.help.markdown).toContain(rule.doc.instead.trim());
    expect(watchdog.help.text).toContain('Instead:');
    expect(watchdog.defaultConfiguration.level).toBe('error');
  });

  it('maps severities to levels and points each result at its rule', () => {
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe(result.properties.severity === 'minor' ? 'warning' : 'error');
      expect(result.partialFingerprints['mtaudit/v1']).toMatch(/^[0-9a-f]{20}$/);
    }
    expect(new Set(run.results.map((r: { level: string }) => r.level))).toEqual(new Set(['error', 'warning']));
  });

  it('gives exact regions for files, and the record line for JSONL articles', () => {
    const a = run.results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'news/a.txt');
    expect(a.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(a.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 17, charOffset: 0, charLength: 16 });
    const records = run.results.filter((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'feeds/wire.jsonl');
    expect(records.length).toBe(2);
    for (const r of records) {
      expect(r.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
      expect(r.locations[0].logicalLocations).toEqual([{ name: 'x7', kind: 'object' }]);
      expect(r.fixes).toBeUndefined();
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/');
  });

  it('includes fixes whose replacements give the fixed text', () => {
    const text = SAMPLE[0]!.text;
    const withFixes = run.results.filter((r: { fixes?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.fixes && r.locations[0]!.physicalLocation.artifactLocation.uri === 'news/a.txt');
    expect(withFixes.length).toBeGreaterThan(0);
    for (const result of withFixes) {
      const edits = result.fixes[0].artifactChanges[0].replacements.map((r: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }) => ({
        start: r.deletedRegion.charOffset,
        end: r.deletedRegion.charOffset + r.deletedRegion.charLength,
        text: r.insertedContent.text,
      }));
      const finding = linter.lint(SAMPLE[0]!).findings.find((f) => f.ruleId === result.ruleId)!;
      expect(applyEdits(text, edits)).toBe(applyEdits(text, finding.fix!.edits));
      expect(['safe', 'unsafe', 'suggestion']).toContain(result.fixes[0].properties.applicability);
    }
  });

  it('carries the MQM quality score for the run and each file', () => {
    const results = report('sarif', SAMPLE).results;
    const summary = new SummaryBuilder();
    results.forEach((r) => summary.add(r));
    expect(run.properties.mqm).toEqual(summary.build().score);
    const a = run.artifacts.find((x: { location: { uri: string } }) => x.location.uri === 'news/a.txt');
    expect(a.properties.mqm).toEqual(results[0]!.score);
  });
});

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure', 'property'].includes(name) });

  it('is well-formed XML with a test case per file and a failure per finding', () => {
    const r = mtaudit(['lint', '--format', 'junit', CORPUS]);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = parser.parse(r.stdout);
    const json = JSON.parse(mtaudit(['lint', '--format', 'json', CORPUS]).stdout);
    const suite = xml.testsuites.testsuite;
    expect(suite.testcase.map((t: { name: string }) => t.name)).toEqual(json.files.map((f: { path: string }) => f.path));
    suite.testcase.forEach((t: { failure?: unknown[] }, i: number) => expect(t.failure?.length ?? 0).toBe(json.files[i].findings.length));
    expect(Number(suite.tests)).toBe(json.files.length);
    expect(Number(suite.failures)).toBe(json.files.filter((f: { findings: unknown[] }) => f.findings.length).length);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c"'d'\u0001\u0007e\uFFFEf\u{1F600}`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;ef\u{1F600}');
    const result: DocumentResult = {
      path: 'odd <name> & "quotes".txt',
      words: 3,
      findings: [{ ...fakeFinding(), message: 'Bad <tag> & "stuff"\u0001 here' }],
      score: { penalty: 5, per1000Words: 1666.7 },
    };
    const chunks: string[] = [];
    const reporter = REPORTERS.junit!({ write: (t) => chunks.push(t), color: false, rules });
    reporter.document(result);
    const summary = new SummaryBuilder();
    summary.add(result);
    reporter.finish(summary.build());
    const text = chunks.join('');
    expect(XMLValidator.validate(text)).toBe(true);
    const testcase = parser.parse(text).testsuites.testsuite.testcase[0];
    expect(testcase.name).toBe('odd <name> & "quotes".txt');
    expect(testcase.failure[0].message).toBe('1:1 Bad <tag> & "stuff" here');
  });
});

function fakeFinding(): Finding {
  return {
    ruleId: 'demo.rule',
    category: 'other',
    severity: 'major',
    message: 'm',
    range: { start: 0, end: 1 },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    fix: null,
  };
}

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeProperty('C:\\dir,x/100%\n')).toBe('C%3A\\dir%2Cx/100%25%0A');
  });

  it('builds one workflow command per finding with the escaped file, position and title', () => {
    const finding = { ...fakeFinding(), message: '50% of “a”\nb', line: 3, column: 4, endLine: 3, endColumn: 9 };
    expect(annotation(finding, 'dir/a,b:c.txt', { line: 3, column: 4, endLine: 3, endColumn: 9 })).toBe(
      '::error file=dir/a%2Cb%3Ac.txt,line=3,endLine=3,col=4,endColumn=9,title=demo.rule (major other)::50%25 of “a”%0Ab',
    );
    // Columns mean nothing to GitHub on a span of several lines.
    expect(annotation(finding, 'a.txt', { line: 3, column: 4, endLine: 5, endColumn: 2 })).toBe(
      '::error file=a.txt,line=3,endLine=5,title=demo.rule (major other)::50%25 of “a”%0Ab',
    );
  });

  it('puts the worst findings first across files, and ends with the summary', () => {
    const { text } = report('github', SAMPLE);
    const lines = text.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    const kinds = commands.map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    expect(kinds).toContain('warning');
    expect(commands[0]).toMatch(/^::error file=news\/a\.txt,line=1,/);
    // The article inside the JSONL file is placed on its record's line.
    expect(commands.some((c) => c.startsWith('::error file=feeds/wire.jsonl,line=3,endLine=3,title='))).toBe(true);
    expect(lines.at(-4)).toMatch(/^✖ \d+ findings/);
  });
});

describe('rdjson', () => {
  const { text } = report('rdjson', SAMPLE);
  const rd = JSON.parse(text);

  it('names the source and gives every finding a code, severity and range', () => {
    expect(rd.source).toEqual({ name: 'mtaudit' });
    for (const d of rd.diagnostics) {
      expect(['ERROR', 'WARNING']).toContain(d.severity);
      expect(d.code.value).toMatch(/^[a-z-]+\./);
      expect(d.location.range.start.line).toBeGreaterThan(0);
    }
  });

  it('counts columns in UTF-8 bytes, as reviewdog does', () => {
    const doc = SAMPLE[2]!;
    const diagnostic = rd.diagnostics.find((d: { location: { path: string } }) => d.location.path === 'news/c.txt');
    const start = doc.text.indexOf('Kassim');
    expect(diagnostic.location.range.start).toEqual({ line: 1, column: Buffer.byteLength(doc.text.slice(0, start)) + 1 });
    expect(diagnostic.location.range.start.column).toBeGreaterThan(start + 1);
    expect(diagnostic.suggestions).toEqual([
      { range: { start: diagnostic.location.range.start, end: { line: 1, column: Buffer.byteLength(doc.text.slice(0, start + 'Kassim-Jomart Tokayev'.length)) + 1 } }, text: 'Kassym-Jomart Tokayev' },
    ]);
  });

  it('places JSONL articles on their record line, without suggestions', () => {
    const records = rd.diagnostics.filter((d: { location: { path: string } }) => d.location.path === 'feeds/wire.jsonl');
    expect(records).toHaveLength(2);
    for (const d of records) {
      expect(d.location.range).toEqual({ start: { line: 3 } });
      expect(d.suggestions).toBeUndefined();
    }
  });
});

describe('ndjson', () => {
  it('streams one finding a line, each with its path, as documents finish', () => {
    const { chunks, results } = report('ndjson', SAMPLE);
    // One chunk per document with findings, nothing held back for the end.
    expect(chunks).toHaveLength(results.filter((r) => r.findings.length).length);
    const lines = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(results.flatMap((r) => r.findings.map((f) => ({ path: r.path, ...f }))));
  });
});

describe('stylish', () => {
  it('shows each file’s MQM penalty and the run’s in the summary', () => {
    const { text, results } = report('stylish', SAMPLE);
    expect(text).toContain(`news/a.txt  MQM penalty ${results[0]!.score.penalty} (${results[0]!.score.per1000Words} per 1000 words)`);
    expect(text).toMatch(/\n {2}MQM penalty [\d.]+ \([\d.]+ per 1000 words\)\n/);
  });
});

describe('--output FILE', () => {
  it('writes the report to the file and still prints the summary', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const r = mtaudit(['lint', '--format', 'json', '--output', out, CORPUS]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.files).toHaveLength(5);
    expect(r.stdout).toMatch(new RegExp(`^✖ ${report.summary.findings} findings .* in 5 files`));
    expect(r.stdout).not.toContain('{');
    expect(r.code).toBe(1);
  });

  it('writes uncoloured stylish output to a file', () => {
    const out = join(tempDir(), 'report.txt');
    mtaudit(['lint', '--output', out, CORPUS], { env: { FORCE_COLOR: '1' } });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('corpus/kazakhstan-2022-01/01-csto-appeal.txt');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('a file that cannot be written is one line and exit 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x'), '');
    const r = mtaudit(['lint', '--output', join(dir, 'sub', 'x', 'report.txt'), CORPUS]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`mtaudit: ${join(dir, 'sub', 'x', 'report.txt')}: cannot write the report (ENOTDIR)`);
  });
});
