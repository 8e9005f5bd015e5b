"""Read the demo's content files (``content/demo/content/``), checking each against what its kind must say.

One YAML file per page, in folders that mirror the site's URLs, plus a few files for site-wide things (see the
folder's README.md). Files are read with PyYAML's safe loader only. Anything a file gets wrong (a missing required
key, a key no page of its type has, a value of the wrong type, a page its folder does not list) raises
``ContentFileError`` naming the file and the key, before the loader writes anything.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
INDEX = "_index.yaml"  # a folder's own page; its `pages` key lists the pages in the folder, in order
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Whitespace with a line break in it, between two tags: lets a file put each paragraph or list item on its own
# line (a blank line, in a folded `>-` block) while the page gets the HTML the rich-text editor would store.
BREAK_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")
# libyaml's safe loader where PyYAML has it (its wheels do): the same documents as yaml.SafeLoader, about eight
# times faster, so reading the files stays a small part of `make run`'s load.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentFileError(ValueError):
    """A content file that cannot be loaded, with the file's path and what is wrong in it."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{display(path)}: {message}")
        self.path = path


class Invalid(ValueError):
    """A value that breaks its file's rules; ``where`` is its key path within the file."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)


def display(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT.parents[2]))
    except ValueError:
        return str(path)


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"the number {value} (put text in quotes)"
    if isinstance(value, datetime.date):
        return f"the date {value}"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a set of keys"


# Checks: each takes a value and where it is, and returns it as the loader uses it --------------------------------

Check = Callable[[Any, str], Any]


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise Invalid(where, f"expected text, found {describe(value)}")
    return BREAK_BETWEEN_TAGS.sub("><", value)


def slug(value: Any, where: str) -> str:
    value = text(value, where)
    if not SLUG.fullmatch(value):
        raise Invalid(where, f"{value!r} is not a slug (lower-case letters, digits and single hyphens)")
    return value


def flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(where, f"expected true or false, found {describe(value)}")
    return value


def number(value: Any, where: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(where, f"expected a number, found {describe(value)}")
    return value


def day(value: Any, where: str) -> datetime.date:
    """A date, written 2025-03-18 (YAML reads it as a date) or quoted."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(where, f"expected a date such as 2025-03-18, found {describe(value)}")


def one_of(*values: str) -> Check:
    """Text that is one of ``values`` (a field with choices: a typo must never pick a default)."""

    def checked(value: Any, where: str) -> str:
        value = text(value, where)
        if value not in values:
            raise Invalid(where, f"{value!r} is not one of {', '.join(repr(v) for v in values)}")
        return value

    return checked


def list_of(check: Check) -> Check:
    def checked(value: Any, where: str) -> list:
        if not isinstance(value, list):
            raise Invalid(where, f"expected a list, found {describe(value)}")
        return [check(item, f"{where}[{i}]") for i, item in enumerate(value)]

    return checked


def pair(first: Check, second: Check) -> Check:
    def checked(value: Any, where: str) -> tuple:
        if not isinstance(value, list) or len(value) != 2:
            raise Invalid(where, f"expected a pair such as [label, value], found {describe(value)}")
        return first(value[0], f"{where}[0]"), second(value[1], f"{where}[1]")

    return checked


def mapping_of(key: Check, value: Check) -> Check:
    def checked(found: Any, where: str) -> dict:
        if not isinstance(found, dict):
            raise Invalid(where, f"expected a set of keys, found {describe(found)}")
        return {key(k, where): value(v, f"{where}.{k}") for k, v in found.items()}

    return checked


def record(required: Mapping[str, Check], optional: Mapping[str, Check] | None = None) -> Check:
    """A set of keys: every required one, any of the optional ones, no other."""
    optional = optional or {}

    def checked(value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise Invalid(where, f"expected a set of keys, found {describe(value)}")
        prefix = f"{where}." if where else ""
        for key in required:
            if key not in value:
                raise Invalid(where, f"missing required key {key!r}")
        known = {**required, **optional}
        for key in value:
            if key not in known:
                raise Invalid(where, f"unknown key {key!r} (expected one of: {', '.join(known)})")
        return {key: known[key](item, f"{prefix}{key}") for key, item in value.items()}

    return checked


# What each block of a body and each kind of page may say ---------------------------------------------------------

BLOCKS: dict[str, Check] = {
    "paragraph": text,
    "heading": record({"text": text, "level": text}),
    "key_statistic": record({"figure": text, "label": text}, {"source": text}),
    "pull_quote": record({"quote": text}, {"attribution": text}),
    "chart": record(
        {"title": text, "alt": text, "bars": list_of(pair(text, number))}, {"unit": text, "caption": text}
    ),
    "table": record({"caption": text, "columns": list_of(text), "rows": list_of(list_of(text))}),
    "references": list_of(record({"text": text, "url": text})),
}


def body(value: Any, where: str) -> list[tuple[str, Any]]:
    """Blocks as (kind, value) pairs, from a list of one-key mappings such as ``- paragraph: <p>…</p>``."""
    blocks = []
    for i, block in enumerate(list_of(lambda item, _: item)(value, where)):
        here = f"{where}[{i}]"
        if not isinstance(block, dict) or len(block) != 1:
            raise Invalid(here, f"expected one block such as 'paragraph: <p>…</p>', found {describe(block)}")
        ((kind, content),) = block.items()
        if kind not in BLOCKS:
            raise Invalid(here, f"unknown block {kind!r} (expected one of: {', '.join(BLOCKS)})")
        blocks.append((kind, BLOCKS[kind](content, f"{here}.{kind}")))
    return blocks


slugs = list_of(slug)
SECTION = record({"title": text, "intro": text}, {"show_in_menus": flag, "pages": slugs})
PAGES: dict[str, Check] = {
    "HomePage": record(
        {
            "title": text,
            "hero_heading": text,
            "hero_text": text,
            "purpose": text,
            "signup_heading": text,
            "signup_text": text,
        },
        {"featured_definitions": slugs, "signup_page": slug, "pages": slugs},
    ),
    "StandardPage": record({"title": text}, {"intro": text, "body": body, "show_in_menus": flag}),
    "PapersIndexPage": SECTION,
    "BlogIndexPage": SECTION,
    "GlossaryIndexPage": SECTION,
    "TopicIndexPage": SECTION,
    "CaseStudyIndexPage": SECTION,
    "PaperSeriesPage": record({"title": text, "intro": text, "description": text}, {"pages": slugs}),
    "PaperPage": record(
        {"title": text, "summary": text},
        {
            "subtitle": text,
            "announced": flag,
            "release_date": day,
            "authors": list_of(record({"person": slug, "role": text})),
            "partners": slugs,
            "topics": slugs,
            "key_findings": list_of(text),
            "body": body,
            "report_sections": list_of(record({"heading": text, "text": text})),
        },
    ),
    "BlogPage": record(
        {"title": text, "date": day, "authors": slugs, "intro": text, "body": body},
        {"topics": slugs, "related_papers": slugs},
    ),
    "DefinitionPage": record(
        {"term": text, "short_definition": text, "explanation": text},
        {
            "also_known_as": list_of(text),
            "sources": list_of(record({"title": text}, {"publisher": text, "year": number, "url": text})),
            "related": slugs,
            "topics": slugs,
        },
    ),
    "CaseStudyPage": record(
        {
            "title": text,
            "local_authority_gss": text,
            "audience": one_of("members", "local_government"),  # CaseStudyPage.Audience
            "published": day,
            "summary": text,
            "challenge": text,
            "what_we_did": text,
            "outcomes": text,
            "lessons": text,
        },
        {
            "topics": slugs,
            "figures": list_of(record({"figure": text, "label": text})),
            "contacts": list_of(record({"name": text, "role": text, "email": text})),
        },
    ),
}
# Which page types each may hold: the demo's share of each model's `subpage_types`.
CHILDREN: dict[str, set[str]] = {
    "HomePage": {
        "StandardPage",
        "PapersIndexPage",
        "BlogIndexPage",
        "GlossaryIndexPage",
        "TopicIndexPage",
        "CaseStudyIndexPage",
    },
    "PapersIndexPage": {"PaperSeriesPage"},
    "PaperSeriesPage": {"PaperPage"},
    "BlogIndexPage": {"BlogPage"},
    "GlossaryIndexPage": {"DefinitionPage"},
    "CaseStudyIndexPage": {"CaseStudyPage"},
}

# The site-wide files, by path under the content folder.
SITE_FILES: dict[str, Check] = {
    "site.yaml": record(
        {"name": text, "strapline": text, "footer_text": text, "contact_email": text},
        {"sample_content_notice": flag, "pages": record({}, {"privacy_page": slug, "contact_page": slug})},
    ),
    "councils.yaml": mapping_of(text, text),
    "snippets/topics.yaml": list_of(record({"slug": slug, "name": text, "description": text})),
    "snippets/organisations.yaml": list_of(record({"slug": slug, "name": text}, {"url": text, "description": text})),
    "snippets/people.yaml": list_of(
        record({"slug": slug, "name": text}, {"job_title": text, "organisation": slug, "bio": text})
    ),
}


# Reading ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageFile(Mapping):
    """One page's file: its fields (with the slug its file name gives) and the pages its folder lists, in order."""

    path: Path
    type: str
    fields: dict[str, Any]
    children: tuple[PageFile, ...] = field(default=())

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def of_type(self, page_type: str) -> list[PageFile]:
        return [child for child in self.children if child.type == page_type]

    def walk(self) -> Iterator[PageFile]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class DemoContent:
    site: dict[str, Any]
    councils: dict[str, str]
    topics: list[dict[str, Any]]
    organisations: list[dict[str, Any]]
    people: list[dict[str, Any]]
    home: PageFile

    def section(self, page_type: str) -> PageFile:
        """The home page's one child of this type (``GlossaryIndexPage``: the definitions)."""
        (found,) = self.home.of_type(page_type)
        return found


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 - SAFE_LOADER is a safe loader, C or Python
    except FileNotFoundError:
        raise ContentFileError(path, "missing") from None
    except yaml.YAMLError as error:
        raise ContentFileError(path, f"not valid YAML: {error}") from None


def read_checked(path: Path, check: Check) -> Any:
    try:
        return check(read_yaml(path), "")
    except Invalid as error:
        raise ContentFileError(path, str(error)) from None


def read_page(path: Path, slug_: str, parent_type: str | None = None) -> PageFile:
    found = read_yaml(path)
    if not isinstance(found, dict):
        raise ContentFileError(path, f"expected a set of keys, found {describe(found)}")
    page_type = found.pop("type", None)
    if page_type is None:
        raise ContentFileError(path, "missing required key 'type' (the page type, such as BlogPage)")
    if page_type not in PAGES:
        raise ContentFileError(path, f"type: unknown page type {page_type!r} (expected one of: {', '.join(PAGES)})")
    if parent_type is not None and page_type not in CHILDREN.get(parent_type, set()):
        raise ContentFileError(path, f"type: a {page_type} cannot be a page of a {parent_type}")
    try:
        fields = PAGES[page_type](found, "")
    except Invalid as error:
        raise ContentFileError(path, str(error)) from None
    order = fields.pop("pages", [])
    children: list[PageFile] = []
    if path.name == INDEX:
        children = [read_page(*child, page_type) for child in folder_pages(path, order)]
    elif order:
        raise ContentFileError(path, f"pages: only a folder's {INDEX} lists pages")
    return PageFile(path=path, type=page_type, fields={"slug": slug_, **fields}, children=tuple(children))


def folder_pages(index: Path, order: list[str]) -> list[tuple[Path, str]]:
    """The pages of an index file's folder, in the order its `pages` key gives; each file listed exactly once."""
    folder = index.parent
    files = {path.stem: path for path in folder.glob("*.yaml") if path.name != INDEX}
    for path in folder.iterdir():
        if (path / INDEX).is_file():
            if path.name in files:
                raise ContentFileError(path / INDEX, f"{path.name}.yaml is the same page: keep one of the two")
            files[path.name] = path / INDEX
    duplicates = {name for name in order if order.count(name) > 1}
    if duplicates:
        raise ContentFileError(index, f"pages: listed more than once: {', '.join(sorted(duplicates))}")
    missing = [name for name in order if name not in files]
    if missing:
        raise ContentFileError(index, f"pages: no file for {', '.join(missing)} in {display(folder)}")
    unlisted = sorted(set(files) - set(order))
    if unlisted:
        raise ContentFileError(index, f"pages: add {', '.join(unlisted)} (the pages in this folder, in order)")
    return [(files[name], name) for name in order]


def load(root: Path | None = None) -> DemoContent:
    """Every content file under ``root`` (the demo's, ``CONTENT``, unless given), checked."""
    root = root or CONTENT
    site = {name: read_checked(root / name, check) for name, check in SITE_FILES.items()}
    home = read_page(root / "pages" / INDEX, "home")
    if home.type != "HomePage":
        raise ContentFileError(home.path, f"type: the site's first page is a HomePage, not a {home.type}")
    return DemoContent(
        site=site["site.yaml"],
        councils=site["councils.yaml"],
        topics=site["snippets/topics.yaml"],
        organisations=site["snippets/organisations.yaml"],
        people=site["snippets/people.yaml"],
        home=home,
    )
