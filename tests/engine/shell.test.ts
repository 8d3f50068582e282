import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { pipCall, pythonModule, uvInstall } from '~/engine/commands';
import { DockerfileModel } from '~/engine/model';
import { decodeShellWord, hasFlag, logicalSource, optionValue, parseCommands, unquote, type Command, type Word } from '~/engine/shell';

function modelOf(text: string): DockerfileModel {
  return new DockerfileModel(DockerfileParser.parse(text), text);
}

/** The commands of every instruction but FROM, in order. */
function commandsOf(text: string): Command[] {
  const model = modelOf(text);
  return model.instructions.filter((i) => i.getKeyword() !== 'FROM').flatMap((i) => model.commands(i));
}

/** `name arg arg` per command, from the unquoted values. */
function summary(text: string): string[] {
  return commandsOf(text).map((c) => [c.program, ...c.args].map((w) => w.value).join(' '));
}

const wordsOf = (c: Command): Word[] => [...c.env, c.program, ...c.args];

/** Every word's offsets cut exactly its raw text out of the Dockerfile. */
function expectExactOffsets(text: string, cmds = commandsOf(text)): void {
  expect(cmds.length).toBeGreaterThan(0);
  for (const c of cmds) {
    for (const w of wordsOf(c)) {
      expect(text.slice(w.start, w.end), `word ${JSON.stringify(w.raw)}`).toBe(w.raw);
    }
    expect(c.start).toBeLessThanOrEqual(c.program.start);
    expect(c.end).toBeGreaterThanOrEqual(c.program.end);
  }
}

describe('commands through shell operators', () => {
  it('splits on &&, ||, ;, | and & and records the joining operator', () => {
    const cmds = commandsOf('FROM python:3.12\nRUN a && b || c; d | e & f\n');
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([
      ['a', null], ['b', '&&'], ['c', '||'], ['d', ';'], ['e', '|'], ['f', '&'],
    ]);
  });
  it('does not split on operators inside quotes', () => {
    expect(summary('FROM x\nRUN echo "a && b" && echo \'c || d\' ; echo a\\;b\n')).toEqual(['echo a && b', 'echo c || d', 'echo a;b']);
  });
  it('does not read the variable and word list of a for loop as a command', () => {
    // beets' wheel build: for wheel in /wheels/beets-*.whl; do … done, for pkg in ${default_sources}; do …
    const text = 'FROM x\nRUN apt-get update && for wheel in /wheels/*.whl; do pip install "$wheel"; done; for pkg in \\\n  a b\\\n  ; do echo "$pkg"; done && select x in 1 2; do break; done\n';
    expect(commandsOf(text).map((c) => [c.name, c.joinedBy, c.args.map((a) => a.value).join(' ')])).toEqual([
      ['apt-get', null, 'update'], ['pip', ';', 'install $wheel'], ['echo', ';', '$pkg'], ['break', ';', ''],
    ]);
    expectExactOffsets(text);
  });
  it('keeps a command substitution inside double quotes whole, quotes inside it included', () => {
    // awk -F'"' inside "$(…)" (a version read out of pyproject.toml): the single-quoted " does not end the string.
    const text = 'FROM x\nRUN v="$(awk -F\'"\' \'/^version/ { print $2 }\' pyproject.toml)" && echo \'a|b\' && echo "$(printf "%s" "$(cat f)")|x" ok\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([['echo', '&&'], ['echo', '&&']]);
    expect(cmds[1]!.args.map((w) => w.raw)).toEqual(['"$(printf "%s" "$(cat f)")|x"', 'ok']);
    expectExactOffsets(text);
  });
  it('sees through env assignments, env, sudo -u, exec, nice -n, gosu', () => {
    const [a, b, c, d] = commandsOf('FROM x\nRUN X=1 Y="a b" pip install x && env -i Z=2 pip install y && sudo -u app -E pip install z && exec gosu app nice -n 5 python app.py\n');
    expect([a!.name, a!.env.map((w) => w.value), a!.args.map((w) => w.value)]).toEqual(['pip', ['X=1', 'Y=a b'], ['install', 'x']]);
    expect([b!.name, b!.wrappers, b!.env.map((w) => w.value)]).toEqual(['pip', ['env'], ['Z=2']]);
    expect([c!.name, c!.wrappers, c!.args.map((w) => w.value)]).toEqual(['pip', ['sudo'], ['install', 'z']]);
    expect([d!.name, d!.wrappers, d!.args.map((w) => w.value)]).toEqual(['python', ['exec', 'gosu', 'nice'], ['app.py']]);
  });
  it('skips the values of xargs, stdbuf, time and timeout options, and the timeout duration', () => {
    expect(commandsOf('FROM x\nRUN cat req.txt | xargs -n 1 -P 4 pip install && stdbuf -o L python a.py && timeout -s KILL 30s uv sync && /usr/bin/time -f %e pip wheel .\n')
      .map((c) => [c.name, c.wrappers, c.args[0]?.value])).toEqual([
      ['cat', [], 'req.txt'], ['pip', ['xargs'], 'install'], ['python', ['stdbuf'], 'a.py'], ['uv', ['timeout'], 'sync'], ['pip', ['time'], 'wheel'],
    ]);
  });
  it('names the program by its basename', () => {
    const [c] = commandsOf('FROM x\nRUN /opt/venv/bin/pip install x\n');
    expect([c!.name, c!.program.value]).toEqual(['pip', '/opt/venv/bin/pip']);
  });
  it("parses the script of sh -c '…' and bash -lc \"…\" with exact offsets", () => {
    const text = 'FROM x\nRUN sh -c \'pip install a && echo hi\' && bash -lc "uv sync --locked; python -m x"\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => [c.name, c.wrappers, c.joinedBy])).toEqual([
      ['pip', ['sh'], null], ['echo', ['sh'], '&&'], ['uv', ['bash'], '&&'], ['python', ['bash'], ';'],
    ]);
    expectExactOffsets(text, cmds);
  });
  it('keeps env and wrappers in front of sh -c on the inner commands', () => {
    const [c] = commandsOf('FROM x\nRUN env A=1 sh -c "pip install x"\n');
    expect([c!.name, c!.wrappers, c!.env.map((w) => w.value)]).toEqual(['pip', ['env', 'sh'], ['A=1']]);
  });
  it('maps words after escaped quotes inside sh -c "…" exactly', () => {
    const text = 'FROM x\nRUN sh -c "echo \\"hi\\" && pip install --user flask"\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => c.name)).toEqual(['echo', 'pip']);
    expectExactOffsets(text, [cmds[1]!]);
    expect(cmds[0]!.args[0]!.value).toBe('hi');
  });
  it('maps exec-form sh -c scripts with JSON escapes exactly', () => {
    const text = 'FROM x\nCMD ["sh", "-c", "echo \\"$PORT\\" && exec gunicorn -b 0.0.0.0:8000 app:app"]\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => [c.name, c.wrappers])).toEqual([['echo', ['sh']], ['gunicorn', ['sh', 'exec']]]);
    expectExactOffsets(text, [cmds[1]!]);
  });
  it('parses exec form as one command with JSON-decoded values', () => {
    const text = 'FROM x\nRUN ["pip", "install", "x y", "a\\\\b"]\n';
    const [c] = commandsOf(text);
    expect([c!.name, c!.args.map((w) => w.value)]).toEqual(['pip', ['install', 'x y', 'a\\b']]);
    expect(c!.program.raw).toBe('"pip"');
    expectExactOffsets(text);
  });
  it('reads exec-form CMD, ENTRYPOINT and HEALTHCHECK CMD', () => {
    expect(summary('FROM x\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["gunicorn", "app:app"]\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n'))
      .toEqual(['/usr/bin/tini --', 'gunicorn app:app', 'curl -f http://localhost/', 'exit 1']);
    expect(summary('FROM x\nHEALTHCHECK NONE\n')).toEqual([]);
  });
  it('reads commands inside if/then/fi, loops and braces', () => {
    expect(summary('FROM x\nRUN if [ -f requirements.txt ]; then pip install -r requirements.txt; else echo none; fi\n'))
      .toEqual(['[ -f requirements.txt ]', 'pip install -r requirements.txt', 'echo none']);
    expect(summary('FROM x\nRUN while true; do pip install x && break; done\n')).toEqual(['true', 'pip install x', 'break']);
    expect(summary('FROM x\nRUN { echo a; echo b; } > /log\n')).toEqual(['echo a', 'echo b']);
  });
  it('marks the commands in the then/elif/else bodies of an if as branches, not its conditions', () => {
    const cmds = commandsOf('FROM x\nRUN apt-get update && if [ "$DEV" = 1 ]; then pip install -r dev.txt; elif test -f a; then if [ -f b ]; then echo b; fi; else bash -c "if true; then echo c; fi"; fi && echo done\n');
    expect(cmds.map((c) => `${c.program.value}${c.branch ? ' (branch)' : ''}`))
      .toEqual(['apt-get', '[', 'pip (branch)', 'test', '[ (branch)', 'echo (branch)', 'true (branch)', 'echo (branch)', 'echo']);
  });
  it('reads the arms of a case, not its subject or patterns, and a | between patterns is no pipe', () => {
    const text = 'FROM x\nRUN case "$(dpkg --print-architecture)" in amd64|x86_64) A=x64 ;; (arm64 | aarch64) curl -o a.tgz u | tar x; echo arm ;; *) exit 1 ;; esac && pip install x\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => `${c.program.value} ${c.joinedBy}${c.branch ? ' (branch)' : ''}`))
      .toEqual(['curl ; (branch)', 'tar | (branch)', 'echo ; (branch)', 'exit ; (branch)', 'pip &&']);
    expectExactOffsets(text, cmds);
    expect(summary('FROM x\nRUN case $1 in\n  -h) echo help\n  esac; echo after\n')).toEqual(['echo help', 'echo after']);
  });
  it('reads the elements of a bash array assignment as words, not commands', () => {
    const text = 'FROM x\nRUN <<EOF\n#!/bin/bash\nPKGS=(\n    sudo\n    wget\n)\nEXTRA+=(curl git)\napt-get install -y "${PKGS[@]}" "${EXTRA[@]}"\nEOF\n';
    expect(commandsOf(text).map((c) => c.name)).toEqual(['apt-get']);
    expect(commandsOf('FROM x\nRUN A=(1 2) && B+=(x) && wget -q u\n').map((c) => c.name)).toEqual(['wget']);
  });
  it('does not run the program that command -v / -V asks about', () => {
    expect(commandsOf('FROM x\nRUN command -v curl || apt-get install -y curl\n').map((c) => c.name)).toEqual(['command', 'apt-get']);
    expect(commandsOf('FROM x\nRUN command -pV wget\n').map((c) => c.name)).toEqual(['command']);
    expect(commandsOf('FROM x\nRUN command -p pip install x\n').map((c) => c.name)).toEqual(['pip']);
  });
  it('drops redirections and their targets', () => {
    const cmds = commandsOf('FROM x\nRUN make 2>&1 > /dev/null && pip install x >>/log 2>/dev/null < in.txt\n');
    expect(cmds.map((c) => [c.program, ...c.args].map((w) => w.value).join(' '))).toEqual(['make', 'pip install x']);
    expect(cmds[1]!.joinedBy).toBe('&&');
  });
  it('reads subshells, marking the first command inside', () => {
    const cmds = commandsOf('FROM x\nRUN ( cd /src && make ) || true\n');
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([['cd', '('], ['make', '&&'], ['true', '||']]);
  });
  it('keeps $(…), ${…} and backticks inside one word', () => {
    const text = 'FROM x\nRUN pip install $(cat reqs | grep -v "#") "${EXTRA:-}" `date +%s`\n';
    const [c] = commandsOf(text);
    expect(c!.args.map((w) => w.raw)).toEqual(['install', '$(cat reqs | grep -v "#")', '"${EXTRA:-}"', '`date +%s`']);
    expect(c!.args[1]!.value).toBe('$(cat reqs | grep -v "#")');
    expectExactOffsets(text);
  });
  it('reads quoted words', () => {
    expect(commandsOf('FROM x\nRUN pip install "flask[async]" \'uvicorn[standard]\' a"b"c\n')[0]!.args.map((w) => w.value))
      .toEqual(['install', 'flask[async]', 'uvicorn[standard]', 'abc']);
  });
  it('ignores shell comments', () => {
    expect(summary('FROM x\nRUN echo a; # pip install x && echo b\n')).toEqual(['echo a']);
  });
});

describe('continuations, comments and line ends', () => {
  it('joins continuation lines and maps words back exactly', () => {
    const text = 'FROM python:3.12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        build-essential \\\n    && rm -rf /var/lib/apt/lists/*\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([['apt-get', null], ['apt-get', '&&'], ['rm', '&&']]);
    expect(cmds[1]!.args.map((w) => w.value)).toEqual(['install', '-y', '--no-install-recommends', 'build-essential']);
    expectExactOffsets(text);
    const pkg = cmds[1]!.args[3]!;
    expect(text.slice(pkg.start, pkg.end)).toBe('build-essential');
  });
  it('drops comment lines inside a continuation', () => {
    const text = 'FROM x\nRUN pip install \\\n    # the web framework\n    flask \\\n  # and its server\n    gunicorn\n';
    expect(summary(text)).toEqual(['pip install flask gunicorn']);
    expectExactOffsets(text);
  });
  it('skips an empty line inside a continuation, as the Dockerfile parser does', () => {
    expect(summary('FROM x\nRUN pip install \\\n    flask \\\n\n    gunicorn\nRUN echo next\n')).toEqual(['pip install flask gunicorn', 'echo next']);
  });
  it('keeps offsets right with CRLF line ends', () => {
    const text = 'FROM python:3.12\r\nRUN pip install \\\r\n    # comment\r\n    flask \\\r\n    && echo done\r\nCMD ["python", "app.py"]\r\n';
    expect(summary(text)).toEqual(['pip install flask', 'echo done', 'python app.py']);
    expectExactOffsets(text);
  });
  it('honours the backtick escape directive', () => {
    const text = '# escape=`\nFROM python:3.12\nRUN pip install `\n    flask `\n    && echo C:\\path\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => c.name)).toEqual(['pip', 'echo']);
    expect(cmds[0]!.args.map((w) => w.value)).toEqual(['install', 'flask']);
    expectExactOffsets(text);
  });
  it('reads lower-case instructions and flags before the command', () => {
    const text = 'from python:3.12\nrun --mount=type=cache,target=/root/.cache/pip pip install flask\n';
    expect(summary(text)).toEqual(['pip install flask']);
    expectExactOffsets(text);
  });
});

describe('heredocs', () => {
  it('parses RUN <<EOF bodies as shell', () => {
    const text = 'FROM x\nRUN <<EOF\nset -eux\napt-get update &&\n  apt-get install -y curl\npip install \\\n  flask\nEOF\nRUN echo after\n';
    const cmds = commandsOf(text);
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([['set', null], ['apt-get', ';'], ['apt-get', '&&'], ['pip', ';'], ['echo', null]]);
    expect(cmds[3]!.args.map((w) => w.value)).toEqual(['install', 'flask']);
    expectExactOffsets(text);
  });
  it('parses RUN <<-EOF with tab-indented bodies', () => {
    const text = 'FROM x\nRUN <<-EOF\n\tpip install flask\n\tEOF\n';
    expect(summary(text)).toEqual(['pip install flask']);
    expectExactOffsets(text);
  });
  it('parses heredocs fed to a shell (RUN bash <<EOF, RUN <<EOF bash)', () => {
    expect(summary('FROM x\nRUN bash <<EOF\npip install a\nEOF\n')).toEqual(['bash', 'pip install a']);
    expect(summary('FROM x\nRUN <<EOF bash -e\npip install a\nEOF\n')).toEqual(['bash -e', 'pip install a']);
  });
  it('does not read a python heredoc as shell', () => {
    expect(summary('FROM x\nRUN python3 <<EOF\nimport subprocess\nsubprocess.run(["pip", "install", "x"])\nEOF\n')).toEqual(['python3']);
    expect(summary('FROM x\nRUN python3 - <<EOF\nprint("rm -rf /")\nEOF\n')).toEqual(['python3 -']);
  });
  it('skips bodies whose shebang names another interpreter', () => {
    expect(summary('FROM x\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system("pip install x")\nEOF\n')).toEqual([]);
    expect(summary('FROM x\nRUN <<EOF\n#!/usr/bin/python3\nprint(1)\nEOF\n')).toEqual([]);
  });
  it('reads bodies with a shell shebang, the first command joined to nothing', () => {
    const cmds = commandsOf('FROM x\nRUN <<EOF\n#!/usr/bin/env bash\nset -e\npip install a\nEOF\n');
    expect(cmds.map((c) => [c.name, c.joinedBy])).toEqual([['set', null], ['pip', ';']]);
    expect(summary('FROM x\nRUN <<EOF\n#!/bin/sh\npip install a\nEOF\n')).toEqual(['pip install a']);
  });
  it('does not read data heredocs (cat <<EOF > file)', () => {
    const text = 'FROM x\nRUN cat <<EOF > /etc/pip.conf && pip install y\n[global]\nno-cache-dir = true\nEOF\n';
    expect(summary(text)).toEqual(['cat', 'pip install y']);
    expectExactOffsets(text);
  });
  it('reads several heredocs of one RUN', () => {
    expect(summary('FROM x\nRUN <<A <<B\necho a\nA\npip install b\nB\n')).toEqual(['echo a', 'pip install b']);
  });
  it('survives an unterminated heredoc', () => {
    expect(summary('FROM x\nRUN <<EOF\npip install a\n')).toEqual(['pip install a']);
  });
  it('keeps heredoc offsets right with CRLF', () => {
    const text = 'FROM x\r\nRUN <<EOF\r\npip install a \\\r\n  b\r\nEOF\r\n';
    expect(summary(text)).toEqual(['pip install a b']);
    expectExactOffsets(text);
  });
});

describe('shell helpers', () => {
  it('logicalSource removes continuations and maps every character', () => {
    const text = 'RUN a \\\n  # c\n  b';
    const src = logicalSource(text, 4, text.length);
    expect(src.text).toBe('a   b');
    expect([...src.text].map((_, k) => text[src.map[k]!])).toEqual([...src.text]);
    expect(src.map[src.text.length]).toBe(text.length);
  });
  it('parseCommands works on bare source', () => {
    const src = { text: 'a | b', map: [10, 11, 12, 13, 14, 15] };
    expect(parseCommands(src).map((c) => [c.name, c.program.start, c.joinedBy])).toEqual([['a', 10, null], ['b', 14, '|']]);
  });
  it('unquote removes quotes and keeps variables and substitutions', () => {
    expect(unquote('"a b"')).toBe('a b');
    expect(unquote("'$HOME'")).toBe('$HOME');
    expect(unquote('$HOME/x')).toBe('$HOME/x');
    expect(unquote('a\\ b')).toBe('a b');
    expect(unquote('"$(cat "x y")"')).toBe('$(cat "x y")');
    expect(unquote('plain')).toBe('plain');
  });
  it('decodeShellWord maps output characters to raw characters', () => {
    const d = decodeShellWord('"a\\"b"c', 100);
    expect(d.text).toBe('a"bc');
    expect(d.index).toEqual([101, 103, 104, 106]);
  });
  const args = (s: string): Word[] => commandsOf(`FROM x\nRUN cmd ${s}\n`)[0]!.args;
  it('hasFlag finds exact, =value and clustered short flags, not after --', () => {
    expect(hasFlag(args('--no-cache-dir x'), ['--no-cache-dir'])?.value).toBe('--no-cache-dir');
    expect(hasFlag(args('--index-url=https://x y'), ['--index-url'])?.value).toBe('--index-url=https://x');
    expect(hasFlag(args('-qy x'), ['-y'])?.value).toBe('-qy');
    expect(hasFlag(args('-- -y'), ['-y'])).toBeNull();
    expect(hasFlag(args('--yes-please'), ['--yes'])).toBeNull();
  });
  it('optionValue reads --opt X, --opt=X and -oX with offsets', () => {
    const text = 'FROM x\nRUN pip install -i https://a --target=/t -rreq.txt\n';
    const a = commandsOf(text)[0]!.args;
    const i = optionValue(a, ['-i', '--index-url'])!;
    const t = optionValue(a, ['-t', '--target'])!;
    const r = optionValue(a, ['-r', '--requirement'])!;
    expect([i.value, t.value, r.value]).toEqual(['https://a', '/t', 'req.txt']);
    for (const w of [i, t, r]) expect(text.slice(w.start, w.end)).toBe(w.value);
    expect(optionValue(a, ['--nope'])).toBeNull();
  });
});

describe('tool calls however they are spelled', () => {
  const call = (run: string) => commandsOf(`FROM python:3.12\nRUN ${run}\n`).map((c) => {
    const pip = pipCall(c);
    return pip ? `${pip.tool} ${pip.subcommand?.value ?? '-'}` : uvInstall(c) ? `uv ${uvInstall(c)!.sub.value}` : null;
  });

  it('skips the values of global options before the subcommand', () => {
    expect(call('pip --timeout 60 --log /tmp/l install x')).toEqual(['pip install']);
    expect(call('pip --no-cache-dir -q install x')).toEqual(['pip install']);
    expect(call('uv --directory /app --cache-dir=/c sync')).toEqual(['uv sync']);
    expect(call('uv --cache-dir /tmp/uvc pip install --system b')).toEqual(['uv install']);
  });

  it('finds the module of python -m in every form', () => {
    const mod = (args: string) => pythonModule(commandsOf(`FROM python:3.12\nRUN python3 ${args}\n`)[0]!.args);
    expect(mod('-m pip install x')).toEqual({ name: 'pip', next: 2 });
    expect(mod('-mpip install x')).toEqual({ name: 'pip', next: 1 });
    expect(mod('-Im pip install x')).toEqual({ name: 'pip', next: 2 });
    expect(mod('-B -X dev -W ignore -m venv /v')).toEqual({ name: 'venv', next: 7 });
    expect(mod('-Xdev -m compileall .')?.name).toBe('compileall');
    expect(mod('-c "import pip"')).toBeNull();
    expect(mod('manage.py -m pip')).toBeNull();
    expect(call('python3 -Im pip install x')).toEqual(['pip install']);
  });

  it('reads the script of an exec-form shell after its other options', () => {
    const run = (json: string) => summary(`FROM python:3.12\nRUN ${json}\n`);
    expect(run('["/bin/bash", "-o", "pipefail", "-c", "pip install d && echo ok"]')).toEqual(['pip install d', 'echo ok']);
    expect(run('["sh", "-ec", "uv sync"]')).toEqual(['uv sync']);
    expect(run('["python", "-c", "print(1)"]')).toEqual(['python -c print(1)']);
  });
});
