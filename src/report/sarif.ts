// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), as GitHub code scanning reads it: the
// rules with their documentation as help, one result per finding with a fingerprint, fixes, and the MQM
// quality score in the run's properties. Columns are UTF-16 code units, SARIF's default, like ours.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../documents/lines.js';
import { fingerprint } from '../engine/fingerprint.js';
import type { Edit, Finding, Severity } from '../engine/types.js';
import type { CompiledRule } from '../rules/types.js';
import { findingPenalty } from '../score/penalty.js';
import { fileLocation, findingLines } from './location.js';
import type { ReporterFactory } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** critical and major fail the default gate, so they are errors; minor findings are warnings. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning'> = { critical: 'error', major: 'error', minor: 'warning' };

const APPLICABILITY_TEXT = {
  safe: 'safe: applied by --fix',
  unsafe: 'unsafe: applied only with --fix --unsafe-fixes',
  suggestion: 'a suggestion: shown, never applied automatically',
};

function ruleDescriptor(rule: CompiledRule) {
  const examples = rule.examples.flag.slice(0, 3);
  const markdown = [
    rule.doc.summary,
    '',
    `**Why.** ${rule.doc.why.trim()}`,
    '',
    `**Instead.** ${rule.doc.instead.trim()}`,
    '',
    `**Fix.** ${APPLICABILITY_TEXT[rule.applicability]}.`,
    ...(examples.length ? ['', '**Flagged**', '', ...examples.map((e) => `- ${e.text}${e.fix !== undefined ? ` → ${e.fix}` : ''}`)] : []),
  ].join('\n');
  const text = [rule.doc.summary, `Why: ${rule.doc.why.trim()}`, `Instead: ${rule.doc.instead.trim()}`, `Fix: ${APPLICABILITY_TEXT[rule.applicability]}.`].join('\n\n');
  return {
    id: rule.id,
    shortDescription: { text: rule.doc.summary },
    fullDescription: { text: rule.doc.why.trim() },
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity], enabled: rule.enabled },
    properties: { tags: ['translation-quality', rule.category], category: rule.category, kind: rule.kind, severity: rule.severity, applicability: rule.applicability },
  };
}

/** A relative path as a URI reference (against %SRCROOT%), an absolute one as a file: URL. */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export const sarif: ReporterFactory = ({ write, rules, cwd = process.cwd(), version }) => {
  const described = rules.filter((r) => r.enabled);
  const ruleIndex = new Map(described.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string; uriBaseId?: string }; properties?: object }[] = [];
  const artifactIndex = new Map<string, number>();
  const results: object[] = [];

  return {
    document(result, source) {
      const location = fileLocation(result.path, source, cwd);
      let index = artifactIndex.get(location.file);
      if (index === undefined) {
        index = artifacts.length;
        artifactIndex.set(location.file, index);
        artifacts.push({ location: artifactUri(location.file) });
      }
      if (location.exact) artifacts[index]!.properties = { words: result.words, mqm: result.score };
      const artifactLocation = { ...artifactUri(location.file), index };
      const lines = location.exact && source?.text !== undefined ? new LineIndex(source.text) : undefined;
      const region = (edit: Pick<Edit, 'start' | 'end'>) => {
        const start = lines!.position(edit.start);
        const end = lines!.position(edit.end);
        return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, charOffset: edit.start, charLength: edit.end - edit.start };
      };
      for (const f of result.findings) {
        const span = findingLines(f, location);
        results.push({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation,
                region: location.exact
                  ? { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn, charOffset: f.range.start, charLength: f.range.end - f.range.start }
                  : { startLine: span.line },
              },
              // Name the article when the file holds many.
              ...(source?.origin.kind === 'record' ? { logicalLocations: [{ name: source.origin.id, kind: 'object' }] } : {}),
            },
          ],
          ...(source?.text !== undefined ? { partialFingerprints: { 'mtaudit/v1': fingerprint(f, source.text) } } : {}),
          ...(f.fix && lines ? { fixes: [sarifFix(f, artifactLocation, region)] } : {}),
          properties: { severity: f.severity, category: f.category, penalty: findingPenalty(f) },
        });
      }
    },
    finish(summary) {
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'mtaudit', ...(version ? { version, semanticVersion: version } : {}), rules: described.map(ruleDescriptor) } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
            artifacts,
            results,
            columnKind: 'utf16CodeUnits',
            properties: {
              mqm: summary.score,
              files: summary.files,
              words: summary.words,
              findings: summary.findings,
              bySeverity: summary.bySeverity,
              byCategory: summary.byCategory,
            },
          },
        ],
      };
      write(`${JSON.stringify(log, null, 2)}\n`);
    },
  };
};

function sarifFix(finding: Finding, artifactLocation: object, region: (edit: Edit) => object) {
  const fix = finding.fix!;
  return {
    description: { text: `${fix.applicability} fix: ${fix.edits.map((e) => (e.text ? `“${e.text}”` : 'delete')).join(', ')}` },
    artifactChanges: [{ artifactLocation, replacements: fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })) }],
    properties: { applicability: fix.applicability },
  };
}

// Partial fingerprints and byte columns are computed from the text.
sarif.needsText = true;
