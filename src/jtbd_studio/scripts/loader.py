"""Loading and validating interview scripts: packaged ones, the user's folder, or any path."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from jtbd_studio import paths
from jtbd_studio.errors import NotFoundError, ScriptError
from jtbd_studio.scripts._fields import IDENTIFIER, FieldReader, read_toml, unique
from jtbd_studio.scripts.model import CsiAspect, Prompt, Script, Stage, pick_text
from jtbd_studio.scripts.taxonomy import (
    REQUIRED_LANGUAGES,
    cjm_stages,
    jtbd_phases,
    placeholders,
    prompt_kinds,
    script_kinds,
)

METRICS = ("nps", "csi")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def load_script_file(path: Path) -> Script:
    """Read and validate one script file; any problem raises ScriptError naming field and line."""
    path = Path(path)
    data, text = read_toml(path, ScriptError)
    root = FieldReader(data, "", path=path, text=text, error=ScriptError,
                       languages=REQUIRED_LANGUAGES)
    root.languages = root.strings("languages", required=False) or REQUIRED_LANGUAGES
    root.strict_languages = True
    key = root.identifier("key", required=False, default=path.stem.lower())
    if not IDENTIFIER.match(key):
        root.fail("key", f"missing, and the file name {path.stem!r} is not an id")
    title = root.localized("title")
    description = root.localized("description")
    kind = root.choice("kind", tuple(k.id for k in script_kinds()))
    asks_nps = root.boolean("asks_nps")
    aspects = tuple(_csi_aspect(entry) for entry in root.tables("csi_aspects", required=False))
    unique(root, "csi_aspects", [a.id for a in aspects])
    stages = tuple(_stage(entry, asks_nps, bool(aspects)) for entry in root.tables("stages"))
    unique(root, "stages", [s.id for s in stages])
    duration = root.number("duration_min", required=False) or sum(s.minutes for s in stages)
    guidance = root.localized("guidance", required=False)
    root.finish()
    return Script(key=key, title=title, description=description, kind=kind,
                  languages=root.languages, duration_min=duration, asks_nps=asks_nps,
                  csi_aspects=aspects, stages=stages, source=path, guidance=guidance)


def _csi_aspect(entry: FieldReader) -> CsiAspect:
    aspect = CsiAspect(id=entry.identifier("id"), title=entry.localized("title"))
    entry.finish()
    return aspect


def _stage(entry: FieldReader, asks_nps: bool, has_csi: bool) -> Stage:
    metric = entry.choice("metric", METRICS, required=False)
    if metric == "nps" and not asks_nps:
        entry.fail(entry.field("metric"), '"nps" needs asks_nps = true at the top of the script')
    if metric == "csi" and not has_csi:
        entry.fail(entry.field("metric"), '"csi" needs a [[csi_aspects]] list in the script')
    stage = Stage(
        id=entry.identifier("id"),
        title=entry.localized("title"),
        goal=entry.localized("goal"),
        minutes=entry.number("minutes"),
        cjm_stage=entry.choice("cjm_stage", tuple(s for s, _ in cjm_stages())),
        jtbd_phase=entry.choice("jtbd_phase", tuple(p.id for p in jtbd_phases()), required=False),
        metric=metric,
        prompts=tuple(_prompt(p) for p in entry.tables("prompts")),
    )
    entry.finish()
    return stage


def _prompt(entry: FieldReader) -> Prompt:
    kind = entry.choice("kind", tuple(k.id for k in prompt_kinds()))
    texts = {lang: entry.string(lang) for lang in entry.languages}
    known = {p.id for p in placeholders()}
    for lang, text in texts.items():
        for name in _PLACEHOLDER.findall(text):
            if name not in known:
                entry.fail(entry.field(lang), f"unknown placeholder {{{name}}}; allowed: "
                           + ", ".join(f"{{{p}}}" for p in sorted(known)))
    entry.finish()
    return Prompt(kind=kind, text=texts)


def fill_placeholders(text: str, lang: str, values: Mapping[str, str | None] | None = None) -> str:
    """Put the study's product, company and period into a prompt; unfilled ones read "[product]"."""
    filled = {p.id: pick_text(p.title, lang) for p in placeholders()}
    filled.update({k: v for k, v in (values or {}).items() if v})
    return _PLACEHOLDER.sub(lambda m: filled.get(m.group(1), m.group(0)), text)


@cache
def _packaged_scripts() -> tuple[Script, ...]:
    return tuple(load_script_file(p) for p in sorted((paths.corpora_dir() / "scripts").glob("*.toml")))


def _scan(extra_dirs: Sequence[Path]) -> tuple[dict[str, Script], list[ScriptError]]:
    """Scripts by key (later folders override earlier ones) and the files that failed."""
    scripts = {s.key: s for s in _packaged_scripts()}
    problems: list[ScriptError] = []
    for folder in (paths.user_scripts_dir(), *map(Path, extra_dirs)):
        in_folder: dict[str, Path] = {}
        for file in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            try:
                script = load_script_file(file)
            except ScriptError as exc:
                problems.append(exc)
                continue
            if script.key in in_folder:
                problems.append(ScriptError(file, f"key {script.key!r} is already used by "
                                                  f"{in_folder[script.key].name}; file skipped"))
                continue
            in_folder[script.key] = file
            scripts[script.key] = script
    return scripts, problems


def list_scripts(extra_dirs: Sequence[Path] = ()) -> list[Script]:
    """Every valid script: packaged, then the user's scripts folder, then `extra_dirs`.

    A later file with the same key overrides an earlier one. Invalid files are left out;
    `list_script_problems()` reports them.
    """
    return list(_scan(extra_dirs)[0].values())


def list_script_problems(extra_dirs: Sequence[Path] = ()) -> list[ScriptError]:
    """The errors of the script files `list_scripts()` had to leave out."""
    return _scan(extra_dirs)[1]


def load_script(key_or_path: str | Path, extra_dirs: Sequence[Path] = ()) -> Script:
    """A script by key (as listed) or by the path of a .toml file."""
    if isinstance(key_or_path, Path) or _looks_like_path(key_or_path):
        return load_script_file(Path(key_or_path))
    scripts, problems = _scan(extra_dirs)
    if key_or_path in scripts:
        return scripts[key_or_path]
    for problem in problems:  # the user's file with that name is broken: say why
        if Path(problem.path).stem == key_or_path:
            raise problem
    known = ", ".join(sorted(scripts))
    raise NotFoundError(f"no interview script {key_or_path!r}; known scripts: {known}")


def _looks_like_path(value: str) -> bool:
    return value.endswith(".toml") or "/" in value or "\\" in value or Path(value).is_file()
