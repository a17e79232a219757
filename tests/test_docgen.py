from score_core import default_catalogue, profile_names
from score_core._cli.docgen import PAGES, write_reference
from score_core.codes import Code
from score_core.sources import source_keys


def test_every_code_source_module_and_profile_is_documented(tmp_path):
    written = write_reference(tmp_path)
    assert sorted(p.name for p in written) == sorted(PAGES)
    text = {p.name: p.read_text(encoding="utf-8") for p in written}
    for code in Code:
        assert f"`{code.value}`" in text["codes.md"]
    for key in source_keys():
        assert f"`{key}`" in text["sources.md"]
    for module in default_catalogue():
        assert f"`{module.code}`" in text["catalogue.md"]
    for name in profile_names():
        assert f"## `{name}`" in text["profiles.md"]
    assert "`enterprise[]`" in text["payloads.md"]
    assert "M1 50%, later 60%" in text["profiles.md"]
    assert "2-3 |" in text["catalogue.md"]
    assert "| 3 sessions | ? | 3 |" in text["catalogue.md"]
