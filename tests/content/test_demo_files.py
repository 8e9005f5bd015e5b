"""The demo's content files: every one is read, names a page type, and a broken one is refused by name."""

import shutil
from pathlib import Path

import pytest
import yaml

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import get_page_models

from content.demo import files
from content.demo.files import CONTENT, INDEX, SITE_FILES, ContentFileError, load
from content.demo.loader import PAGE_MODELS


def test_every_content_file_is_read_and_names_a_page_type_its_parent_may_hold():
    content = load()
    known = {model.__name__: model for model in get_page_models()}
    read = {CONTENT / name for name in SITE_FILES}
    pages = []
    for page in content.home.walk():
        read.add(page.path)
        pages.append(page)
        assert known.get(page.type) is PAGE_MODELS[page.type], page.path
        for child in page.children:
            assert PAGE_MODELS[child.type] in PAGE_MODELS[page.type].allowed_subpage_models(), child.path
    # No file lies unread: a stray or misnamed file would otherwise be silently left out of the demo.
    assert read == set(CONTENT.rglob("*.yaml"))
    assert len(pages) > 50 and {page.type for page in pages} == set(PAGE_MODELS)


def test_a_blank_line_between_paragraphs_is_not_part_of_the_html():
    about = next(page for page in load().home.children if page["slug"] == "about")
    paragraph = next(value for kind, value in about["body"] if kind == "paragraph" and "<ul>" in value)
    assert "\n" not in paragraph and "</p><ul><li>" in paragraph


def edit(path: Path, change) -> None:
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def drop(key):
    return lambda value: value.pop(key)


def put(key, new):
    return lambda value: value.update({key: new})


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("pages/definitions/social-capital.yaml", drop("short_definition"), "missing required key 'short_definition'"),
        ("pages/blog/notes-from-stoke-on-trent.yaml", put("date", "next Tuesday"), "date: expected a date such as"),
        (
            "pages/case-studies/barnsley-resident-grant-panels.yaml",
            lambda value: value["figures"][0].update(figure=4),
            "figures[0].figure: expected text, found the number 4 (put text in quotes)",
        ),
        (  # a typo must never publish a council study to every member
            "pages/case-studies/barnsley-resident-grant-panels.yaml",
            put("audience", "local-government"),
            "audience: 'local-government' is not one of 'members', 'local_government'",
        ),
        ("pages/papers/social-capital-2025/patient-money.yaml", put("summmary", "A typo"), "unknown key 'summmary'"),
        ("pages/about.yaml", put("type", "AboutPage"), "type: unknown page type 'AboutPage'"),
        (
            "pages/papers/social-capital-2025/_index.yaml",
            put("type", "BlogPage"),
            "type: a BlogPage cannot be a page of a PapersIndexPage",
        ),
        ("pages/contact.yaml", put("body", [{"video": "https://example.org/"}]), "body[0]: unknown block 'video'"),
        ("pages/papers/_index.yaml", put("pages", ["social-capital-2026"]), "pages: no file for social-capital-2026"),
        ("snippets/people.yaml", lambda value: value[0].pop("name"), "[0]: missing required key 'name'"),
        ("site.yaml", drop("name"), "missing required key 'name'"),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_what_is_wrong(tmp_path, name, change, message):
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    edit(root / name, change)
    with pytest.raises(ContentFileError) as refused:
        load(root)
    assert refused.value.path == root / name
    assert str(refused.value).startswith(f"{root / name}: ")
    assert message in str(refused.value)


def test_a_page_file_its_folder_does_not_list_or_that_is_not_yaml_is_refused(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    shutil.copy(root / "pages/blog/notes-from-stoke-on-trent.yaml", root / "pages/blog/a-new-post.yaml")
    with pytest.raises(ContentFileError, match=r"_index.yaml: pages: add a-new-post \(the pages in this folder"):
        load(root)
    (root / "pages/blog/a-new-post.yaml").unlink()
    (root / "pages/blog" / INDEX).write_text("title: [Blog\n", encoding="utf-8")
    with pytest.raises(ContentFileError, match=r"blog/_index.yaml: not valid YAML"):
        load(root)


def test_load_demo_content_stops_at_a_broken_file_before_touching_the_database(tmp_path, monkeypatch):
    """No database access is allowed in this test: the command must fail on the file, not part-way through."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    edit(root / "pages/about.yaml", drop("title"))
    monkeypatch.setattr(files, "CONTENT", root)  # the real reader, pointed at the broken copy
    with pytest.raises(CommandError, match=r"not loaded: .*pages/about.yaml: missing required key 'title'"):
        call_command("load_demo_content")
