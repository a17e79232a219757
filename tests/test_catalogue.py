import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Catalogue,
    InvalidValueError,
    ModuleCode,
    TrainingModule,
    UnknownNameError,
    default_catalogue,
    get_catalogue,
)
from score_core import strategies as sst
from score_core.catalogue import (
    ModuleFormat,
    ModuleKind,
    catalogue_names,
    register_catalogue,
)
from score_core.errors import ConfigurationError


def module(code, *prereqs, **kw):
    return TrainingModule(
        code=code, title=f"Module {code}", prerequisites=prereqs, **kw
    )


class TestDefaultCatalogue:
    def test_five_core_modules_in_order(self):
        core = [m for m in default_catalogue() if m.kind is ModuleKind.CORE]
        assert [m.code for m in core] == ["M1", "M2", "M3", "M4", "M5"]
        assert [m.title for m in core] == [
            "Workplace Cooperation",
            "Quality Management",
            "Productivity through Cleaner Production",
            "Human Resource Management",
            "Occupational Safety and Health",
        ]

    def test_module_1_first_then_any_order(self):
        cat = default_catalogue()
        available = {m.code for m in cat.available(completed=[])}
        assert "M1" in available
        assert not {"M2", "M3", "M4", "M5"} & available
        for code in ("M2", "M3", "M4", "M5"):
            assert cat[code].prerequisites == {"M1"}
        after_m1 = {m.code for m in cat.available(completed=["M1"])}
        assert {"M2", "M3", "M4", "M5"} <= after_m1
        # Any order: after M1 and M5, the rest are still open.
        assert {m.code for m in cat.available(["M1", "M5"])} >= {"M2", "M3", "M4"}

    def test_later_modules_are_all_listed(self):
        later = {m.code for m in default_catalogue() if m.kind is ModuleKind.LATER}
        assert later == {
            "LEAN",
            "GENDER",
            "RB",
            "HOCO",
            "WT",
            "S4C",
            "BASICS",
            "COVID-OSH",
            "BCP",
        }

    def test_formats_from_the_sources(self):
        cat = default_catalogue()
        assert cat["M1"].format.classroom_days == 2
        assert cat["M1"].format.follow_up_visits == 3
        assert cat[ModuleCode.HOSPITALITY_COACHING].format.max_enterprises == 6
        assert cat["M3"].other_titles[-1] == "Resource Efficiency"
        assert all(m.source for m in cat)

    def test_lookup(self):
        cat = default_catalogue()
        assert ModuleCode.M1 in cat
        assert "NOPE" not in cat
        assert len(cat) == len(cat.codes) == 14
        with pytest.raises(UnknownNameError):
            cat["NOPE"]
        assert cat.requirements("M3") == {"M1"}
        assert cat.missing_prerequisites("M3", completed=[]) == ("M1",)
        assert cat.missing_prerequisites("M3", completed=["M1"]) == ()

    def test_registry(self):
        assert "score" in catalogue_names()
        assert get_catalogue("score") is default_catalogue()
        with pytest.raises(UnknownNameError):
            get_catalogue("nope")


class TestValidation:
    def test_duplicate_code(self):
        with pytest.raises(ConfigurationError, match="appears twice"):
            Catalogue(name="x", modules=(module("A"), module("A")))

    def test_unknown_prerequisite(self):
        with pytest.raises(ConfigurationError, match="requires unknown module Z"):
            Catalogue(name="x", modules=(module("A", "Z"),))
        with pytest.raises(ConfigurationError, match="modules Y, Z"):
            Catalogue(name="x", modules=(module("A", "Y", "Z"),))

    def test_cycle_is_named(self):
        with pytest.raises(ConfigurationError, match="A -> B -> C -> A"):
            Catalogue(
                name="x", modules=(module("A", "B"), module("B", "C"), module("C", "A"))
            )

    def test_self_prerequisite(self):
        with pytest.raises(InvalidValueError):
            module("A", "A")

    @pytest.mark.parametrize("code", ["m1", "", "M 1", 1])
    def test_bad_codes(self, code):
        with pytest.raises(InvalidValueError):
            TrainingModule(code=code, title="t")

    def test_bad_parts(self):
        with pytest.raises(InvalidValueError):
            TrainingModule(code="A", title="t", other_titles=[""])
        with pytest.raises(InvalidValueError):
            ModuleFormat(min_months=3, max_months=2)
        with pytest.raises(InvalidValueError):
            Catalogue(name="x", modules=("A",))  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError):
            Catalogue(name="Bad Name", modules=())

    @given(sst.catalogues())
    def test_generated_catalogues_are_acyclic_and_open_at_the_start(self, cat):
        assert cat.available(completed=[])
        done: list[str] = []
        # Taking modules in any available order eventually completes them all.
        while len(done) < len(cat):
            nxt = cat.available(done)
            assert nxt
            done.append(nxt[-1].code)
        for m in cat:
            assert m.code not in cat.requirements(m.code)


class TestDerivation:
    def test_ethiopia_sequence(self):
        lean = default_catalogue()["LEAN"]
        et = default_catalogue().derive(
            name="et-kec",
            remove=["M3", "M4", "RB", "WT", "S4C", "GENDER", "HOCO", "COVID-OSH"],
            add=[
                TrainingModule(
                    code="BCP",
                    title="Business Continuity Planning",
                    prerequisites={"M1"},
                    source="ETH",
                )
            ],
        )
        assert et.codes == ("M1", "M2", "M5", "LEAN", "BASICS", "BCP")
        assert et["LEAN"] == lean
        assert et["BCP"].prerequisites == {"M1"}

    def test_indonesia_condensed_format(self):
        condensed = TrainingModule(
            code="ID-CONDENSED",
            title="SCORE condensed: five modules in three days",
            kind=ModuleKind.CORE,
            format=ModuleFormat(classroom_days=3),
            source="MTE-II p.28",
        )
        cat = default_catalogue().derive(name="id-condensed", add=[condensed])
        assert cat.codes[-1] == "ID-CONDENSED"
        assert cat["ID-CONDENSED"].format.classroom_days == 3

    def test_replacing_keeps_position(self):
        replaced = module("M3", "M1")
        cat = default_catalogue().derive(name="y", add=[replaced])
        assert cat.codes.index("M3") == 2
        assert cat["M3"].title == "Module M3"

    def test_removing_an_unknown_module(self):
        with pytest.raises(UnknownNameError):
            default_catalogue().derive(name="y", remove=["NOPE"])

    def test_removing_a_prerequisite_fails_validation(self):
        with pytest.raises(ConfigurationError):
            default_catalogue().derive(name="y", remove=["M1"])

    def test_register(self):
        cat = Catalogue(name="tiny", modules=(module("A"),))
        assert register_catalogue(cat) is cat
        assert register_catalogue(cat) is cat
        with pytest.raises(ConfigurationError):
            register_catalogue(Catalogue(name="tiny", modules=(module("B"),)))

    @given(sst.catalogues(), st.data())
    def test_derive_with_nothing_changes_nothing(self, cat, data):
        assert cat.derive(name=cat.name) == cat
