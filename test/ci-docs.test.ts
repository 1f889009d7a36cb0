// The CI recipes we publish must work: the README's GitHub Actions workflow and the pre-commit hooks run
// their mtaudit commands here, on a copy of the corpus, the way the CI service would.
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CORPUS, ROOT, mtaudit, tempDir } from './helpers/cli.js';
import { validateSarif } from './helpers/sarif.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

function readmeWorkflow(): { name: string; on: unknown; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```yaml\n(# \.github\/workflows\/mtaudit\.yml\n[\s\S]*?)```/.exec(readme);
  expect(block, 'README has the workflow block').not.toBeNull();
  return parse(block![1]!);
}

/** Turns `npx mtaudit lint ...` into arguments for the built CLI. */
function mtauditArgs(command: string): string[] {
  expect(command.startsWith('npx mtaudit ')).toBe(true);
  return command.slice('npx mtaudit '.length).trim().split(/\s+/);
}

function articlesProject(): string {
  const dir = tempDir('mtaudit-ci-');
  cpSync(CORPUS, join(dir, 'articles'), { recursive: true });
  return dir;
}

describe('the README’s GitHub Actions workflow', () => {
  const workflow = readmeWorkflow();
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const lint = steps.find((s) => s.run?.startsWith('npx mtaudit lint'))!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;

  it('checks out, installs with npm ci on Node 20, and may upload to code scanning', () => {
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(node.with!['node-version']).toBe(20);
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('uploads the file the lint step writes, even when the gate failed the lint step', () => {
    const args = mtauditArgs(lint.run!);
    expect(args[args.indexOf('--format') + 1]).toBe('sarif');
    expect(upload.with!.sarif_file).toBe(args[args.indexOf('--output') + 1]);
    expect(upload.if).toMatch(/!cancelled\(\)/);
    expect(upload.if).toContain(`hashFiles('${upload.with!.sarif_file}')`);
  });

  it('its lint step writes valid SARIF and fails the job on the corpus through the gate', () => {
    const dir = articlesProject();
    const r = mtaudit(mtauditArgs(lint.run!), { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mtaudit: gate failed: /m);
    const log = JSON.parse(readFileSync(join(dir, String(upload.with!.sarif_file)), 'utf8'));
    expect(validateSarif(log)).toBe(true);
    // Paths are relative to the checkout, as code scanning needs them.
    expect(log.runs[0].artifacts[0].location).toEqual({ uri: 'articles/kazakhstan-2022-01/01-csto-appeal.txt', uriBaseId: '%SRCROOT%' });
  });

  it('passes once the findings are in a baseline named by the configuration', () => {
    const dir = articlesProject();
    writeFileSync(join(dir, 'mtaudit.config.yaml'), 'baseline: .mtaudit-baseline.json\n');
    expect(mtaudit(['lint', '--update-baseline', 'articles/'], { cwd: dir }).code).toBe(0);
    expect(mtaudit(mtauditArgs(lint.run!), { cwd: dir }).code).toBe(0);
  });
});

describe('the pre-commit hooks', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
    require_serial: boolean;
  }[];
  const hook = (id: string) => hooks.find((h) => h.id === id)!;
  /** pre-commit appends the staged files that match `files` to the entry. */
  const runHook = (id: string, cwd: string, staged: string[]) => {
    const matching = staged.filter((f) => new RegExp(hook(id).files).test(f));
    const [command, ...args] = hook(id).entry.split(/\s+/);
    expect(command).toBe('mtaudit');
    return mtaudit([...args, ...matching], { cwd });
  };

  it('are node hooks over article files, run once over all of them', () => {
    expect(hooks.map((h) => h.id)).toEqual(['mtaudit', 'mtaudit-fix']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(h.require_serial).toBe(true);
      const files = new RegExp(h.files);
      for (const name of ['a.txt', 'dir/b.md', 'feed.jsonl', 'x.ndjson']) expect(files.test(name), name).toBe(true);
      for (const name of ['a.csv', 'script.ts', 'README.txt.bak']) expect(files.test(name), name).toBe(false);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.mtaudit).toBe('dist/bin/mtaudit.js');
  });

  it('mtaudit fails a commit with findings and passes a clean one', () => {
    const dir = articlesProject();
    writeFileSync(join(dir, 'clean.txt'), 'The government resigned on Wednesday after days of protests.\n');
    writeFileSync(join(dir, 'notes.csv'), 'Global regulator,said\n');
    expect(runHook('mtaudit', dir, ['clean.txt', 'notes.csv']).code).toBe(0);
    const failing = runHook('mtaudit', dir, ['clean.txt', 'articles/kazakhstan-2022-01/03-police-crackdown.txt']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^mtaudit: gate failed: /);
  });

  it('mtaudit-fix rewrites the staged files and leaves the gate to the other hook', () => {
    const dir = articlesProject();
    const file = 'articles/kazakhstan-2022-01/01-csto-appeal.txt';
    const before = readFileSync(join(dir, file), 'utf8');
    const r = runHook('mtaudit-fix', dir, [file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, file), 'utf8')).not.toBe(before);
    expect(runHook('mtaudit-fix', dir, [file]).code).toBe(0);
  });
});
