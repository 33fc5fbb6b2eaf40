"""Titles of officials (``phogov.titles``), checked by hand against ANNOTATION.md."""

from __future__ import annotations

from phogov.titles import titles_for, titles_of_all
from phogov.types import Span


def _span(text: str, name: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Span(start, start + len(name), "OFFICIAL", name)


def _titles(text: str, *names: str) -> list[list[str]]:
    return titles_of_all(text, [_span(text, n) for n in names])


def test_titles_after_name_in_order() -> None:
    text = (
        "Đồng chí Vũ Quyết Tiến, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy "
        "chủ trì hội nghị."
    )
    assert titles_for(text, _span(text, "Vũ Quyết Tiến"), []) == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Bí thư Thành ủy",
    ]


def test_affiliation_after_comma_stays_in_title() -> None:
    text = (
        "Tại Hội nghị đã công bố Quyết định của Ban Bí thư Trung ương Đảng chỉ định đồng chí "
        "Hoàng Minh Cường, Cục trưởng Cục Viễn thông, Bộ Thông tin và Truyền thông tham gia "
        "Ban Chấp hành Đảng bộ thành phố khóa XVI, nhiệm kỳ 2020-2025."
    )
    assert titles_for(text, _span(text, "Hoàng Minh Cường"), []) == [
        "Cục trưởng Cục Viễn thông, Bộ Thông tin và Truyền thông"
    ]


def test_semicolon_list_gives_each_official_their_own_titles() -> None:
    text = (
        "Dự, chỉ đạo hội nghị có các đồng chí: Vũ Đại Thắng, Ủy viên TW Đảng, Bí thư Tỉnh ủy; "
        "Vũ Quyết Tiến, Phó Bí thư Tỉnh ủy."
    )
    assert _titles(text, "Vũ Đại Thắng", "Vũ Quyết Tiến") == [
        ["Ủy viên TW Đảng", "Bí thư Tỉnh ủy"],
        ["Phó Bí thư Tỉnh ủy"],
    ]


def test_comma_list_gives_each_official_their_own_titles() -> None:
    text = (
        "Các đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy, Chủ tịch HĐND Thành phố, "
        "Nguyễn Tiến Dũng, Phó Bí thư Thành ủy, Chủ tịch UBND Thành phố đồng chủ trì hội nghị."
    )
    assert _titles(text, "Vũ Thị Mai Anh", "Nguyễn Tiến Dũng") == [
        ["Phó Bí thư TT Thành ủy", "Chủ tịch HĐND Thành phố"],
        ["Phó Bí thư Thành ủy", "Chủ tịch UBND Thành phố"],
    ]


def test_title_before_name() -> None:
    text = "Phó Chủ tịch QH Trương Quang Được phát biểu tại phiên họp."
    assert titles_for(text, _span(text, "Trương Quang Được"), []) == ["Phó Chủ tịch QH"]
    text = "Bí thư Thành ủy Trần Lưu Quang kết luận hội nghị."
    assert titles_for(text, _span(text, "Trần Lưu Quang"), []) == ["Bí thư Thành ủy"]


def test_titles_before_name_chain_over_commas() -> None:
    text = "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Nguyễn Phú Trọng phát biểu."
    assert titles_for(text, _span(text, "Nguyễn Phú Trọng"), []) == [
        "Ủy viên Bộ Chính trị",
        "Bí thư Thành ủy Hà Nội",
    ]


def test_rank_before_and_office_after() -> None:
    text = "Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh cho biết."
    assert titles_for(text, _span(text, "Nguyễn Văn An"), []) == [
        "Đại tá",
        "Giám đốc Công an tỉnh",
    ]


def test_title_of_someone_else_is_not_hers_or_his() -> None:
    text = (
        "Đồng chí Trần Lưu Quang, Bí thư Thành ủy trao Quyết định và tặng hoa đồng chí "
        "Hoàng Minh Cường."
    )
    assert _titles(text, "Trần Lưu Quang", "Hoàng Minh Cường") == [["Bí thư Thành ủy"], []]
    text = (
        "Cùng dự có ông Nguyễn Văn An, Giám đốc Sở Tài chính và Phó Chủ tịch UBND tỉnh "
        "Lê Văn Bình."
    )
    assert _titles(text, "Nguyễn Văn An", "Lê Văn Bình") == [
        ["Giám đốc Sở Tài chính"],
        ["Phó Chủ tịch UBND tỉnh"],
    ]


def test_place_after_level_word_stays_in_title() -> None:
    text = (
        "Sáng 4/12, đồng chí Trần Lưu Quang, Ủy viên Trung ương Đảng, Bí thư Thành ủy, "
        "Trưởng Đoàn ĐBQH thành phố Hải Phòng chủ trì Hội nghị Thành ủy lần thứ 6."
    )
    assert titles_for(text, _span(text, "Trần Lưu Quang"), []) == [
        "Ủy viên Trung ương Đảng",
        "Bí thư Thành ủy",
        "Trưởng Đoàn ĐBQH thành phố Hải Phòng",
    ]


def test_no_title_gives_empty_list() -> None:
    text = "Theo ông Tuấn, kết quả này rất đáng ghi nhận."
    assert titles_for(text, _span(text, "Tuấn"), []) == []


def test_caption_bracket_and_dashes() -> None:
    text = "Đồng chí Nguyễn Văn An (giữa), Bí thư Huyện ủy phát biểu."
    assert titles_for(text, _span(text, "Nguyễn Văn An"), []) == ["Bí thư Huyện ủy"]
    text = "Ông Lê Viết Hưng - Giám đốc Sở Y tế - cho biết như vậy."
    assert titles_for(text, _span(text, "Lê Viết Hưng"), []) == ["Giám đốc Sở Y tế"]


def test_body_named_like_a_title_is_not_a_title() -> None:
    # ``Ban Bí thư`` is a body: its ``Bí thư`` does not become Cường's title
    text = "Quyết định của Ban Bí thư chỉ định đồng chí Hoàng Minh Cường."
    assert titles_for(text, _span(text, "Hoàng Minh Cường"), []) == []


def test_title_spans_point_at_the_callers_own_characters() -> None:
    """Titles carry the offsets the rule found them at (issue 11): in NFD text with
    doubled spaces, ``raw[a:b]`` is each title exactly as the caller wrote it, and two
    officials with the same title string get the two different places."""
    import unicodedata

    from phogov import predict

    nfc = ("Chủ tịch UBND tỉnh Nguyễn Văn Hùng và Chủ tịch UBND tỉnh  Trần Thị Lan "
           "dự hội nghị.")
    raw = unicodedata.normalize("NFD", nfc)
    officials = [e for e in predict(raw, model="rules")["entities"]
                 if e["label"] == "OFFICIAL"]
    assert [unicodedata.normalize("NFC", e["text"]) for e in officials] == [
        "Nguyễn Văn Hùng", "Trần Thị Lan"]
    spans = [e["title_spans"] for e in officials]
    assert all(len(s) == 1 for s in spans)
    (a1, b1), (a2, b2) = spans[0][0], spans[1][0]
    assert a1 == 0 and a2 > b1  # the first occurrence is the first official's
    for e in officials:
        for (a, b), title in zip(e["title_spans"], e["titles"]):
            assert raw[a:b] == title  # the caller's NFD characters, not the view's NFC
    assert unicodedata.normalize("NFC", officials[1]["titles"][0]) == "Chủ tịch UBND tỉnh"
    assert raw[a2:b2 + 2] == unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh  ")


def test_title_spans_of_model_spans_use_the_same_mapping() -> None:
    """Model OFFICIAL spans get titles from the same rule pass, with offsets."""
    from phogov.predictor import _enrich

    text = "Ông Vũ Quyết Tiến, Bí thư Thành ủy, chủ trì."
    (span,) = _enrich(text, [_span(text, "Vũ Quyết Tiến")])
    assert span.titles == ["Bí thư Thành ủy"]
    ((a, b),) = span.title_spans
    assert text[a:b] == "Bí thư Thành ủy"


def test_a_title_runs_to_the_end_of_the_organisation_it_names() -> None:
    """Guideline: the affiliation stays in the title. The ORG rules read the whole name of
    the body (lower-case subject words, a number, a place), so a title that stops inside
    it is carried to its end; titles outside any ORG are left alone."""
    from phogov.rules.aggregate import label_document

    def officials(text: str) -> list[tuple[str, list[str]]]:
        [result] = label_document([text])
        return [(s.text, s.titles or []) for s in result.entities if s.label == "OFFICIAL"]

    assert officials("Ông Nguyễn Văn An, Phó giám đốc Trung tâm điều khiển giao thông "
                     "TP.HCM, cho biết.") == [
        ("Nguyễn Văn An", ["Phó giám đốc Trung tâm điều khiển giao thông TP.HCM"])]
    assert officials("Ông Lê Văn Cường, Phó Chủ tịch Hội đồng giải phóng mặt bằng xã Kim "
                     "Nỗ, cho biết.") == [
        ("Lê Văn Cường", ["Phó Chủ tịch Hội đồng giải phóng mặt bằng xã Kim Nỗ"])]
    assert officials("Chủ tịch UBND tỉnh Nguyễn Văn Dũng phát biểu.") == [
        ("Nguyễn Văn Dũng", ["Chủ tịch UBND tỉnh"])]


def test_two_offices_joined_by_a_dash_before_a_name_are_that_name_s() -> None:
    """``A, t1, t2 - t3 B``: ``t2 - t3`` (one person's two offices) precede B and are B's
    (guideline: a title that refers to someone else in the sentence is not hers or his)."""
    text = ("Dự họp có phó bí thư thường trực Dương Minh Quang, phó bí thư - chủ tịch UBND "
            "huyện Nguyễn Văn Khỏe.")
    assert _titles(text, "Dương Minh Quang", "Nguyễn Văn Khỏe") == [
        ["phó bí thư thường trực"], ["phó bí thư", "chủ tịch UBND huyện"]
    ]
