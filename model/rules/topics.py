"""Sentence topic weak labels: weighted keyword lexicons plus the guideline's special rules.

Each topic has a lexicon of domain vocabulary (regex, weight). A sentence's score for a topic
is the noisy-OR of the weights of the distinct cues that match (``1 - prod(1 - w)``), so one
strong term (``giải ngân``, ``quốc phòng``) is enough on its own while weak hints
(``Đảng bộ``, ``hội nghị``) need company. Cues sharing a ``group`` count once (the strongest),
so a sentence that merely names several Party bodies does not add up to Party *work*.

Rules run on the normalised view text (NFC, ``ủy``/``hòa`` tone style, see ``phogov.normalize``)
and match case-insensitively, except a few cues where case carries meaning (``Đảng`` is the
Party; ``quân sự`` lower-case is military affairs while ``Quân sự`` is part of a body's name).
"""

from __future__ import annotations

import re
import unicodedata

from phogov.rules.lexicon_orgs import MEDIA_NAMES
from phogov.rules.prefilter import LiteralIndex, openings
from phogov.rules.topics_lexicon import _B, _E, LEXICONS, Cue
from phogov.types import TOPIC_LABELS

THRESHOLD = 0.5


def _compile(cue: Cue) -> re.Pattern[str]:
    flags = 0 if cue.case_sensitive else re.IGNORECASE
    return re.compile(_B + "(?:" + cue.pattern + ")" + _E, flags)


_COMPILED: dict[str, list[tuple[Cue, re.Pattern[str]]]] = {
    topic: [(cue, _compile(cue)) for cue in cues] for topic, cues in LEXICONS.items()
}
# Per cue, the literals one of which any match contains (``phogov.rules.prefilter``): a cue's
# regex runs only when the index finds one, which changes no result and saves most scans.
_KEYS: list[tuple[str, int]] = [(t, j) for t, pairs in _COMPILED.items() for j in range(len(pairs))]
_INDEX = LiteralIndex([
    (openings(rx.pattern, not cue.case_sensitive), not cue.case_sensitive)
    for t, j in _KEYS for cue, rx in [_COMPILED[t][j]]
])
_POS = {key: i for i, key in enumerate(_KEYS)}
_FLAT: list[tuple[Cue, re.Pattern[str]]] = [_COMPILED[t][j] for t, j in _KEYS]
_TOPIC_IDS: dict[str, frozenset[int]] = {
    topic: frozenset(i for i, (t, _) in enumerate(_KEYS) if t == topic) for topic in _COMPILED
}

# ---------------------------------------------------------------------------------------------
# Special rules from the guideline
# ---------------------------------------------------------------------------------------------

# Page furniture: video-player leftovers, print/date lines, contact footers, menus, link
# headers. The guideline gives these no topic even when they contain topic words
# ("CƠ QUAN QUẢN LÝ: Trung tâm Truyền thông và Văn hóa", "QR CODE: Hội nghị ...").
_FURNITURE_PREFIX = re.compile(
    r"^\s*(?:print\b|in bài\b|qr ?code\b|mã qr\b|cơ quan (?:đơn vị )?(?:chủ quản|quản lý)\s*:|"
    r"(?:số )?giấy phép\s*(?:số|:)|giấy phép (?:thiết lập|xuất bản|hoạt động)\b|"
    r"địa chỉ\s*:|điện thoại\s*:|đt\s*:|fax\s*:|e-?mail\s*:|hotline\s*:|website\s*:|"
    r"bản quyền\b|copyright\b|©|ghi rõ nguồn\b|nguồn\s*:|ảnh\s*:|video\s*:|"
    r"tin liên quan\b|bài liên quan\b|tin tức khác\b|tin khác\b|đọc thêm\b|xem thêm\b|"
    r"từ khóa\s*:|tags?\s*:|chia sẻ\s*$|thống kê truy cập\b|đang online\b|"
    r"quản lý nội dung\b|chịu trách nhiệm (?:xuất bản|nội dung)?\s*:|tổng biên tập\s*:|"
    r"\(\s*theo\b[^()]*\)\s*\.?\s*$)",  # a source line: "(Theo VnExpress)"
    re.IGNORECASE,
)
# Tokens that carry no content: times, dates, weekdays, player and share widgets.
_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{4}|GMT\s*[+-]?\d*|"
    r"\b(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|ngày|giờ|print|gốc|share|like|tweet|"
    r"am|pm)\b|[/|,.:()\-–—]",
    re.IGNORECASE,
)

# The Party as the occasion, not the subject (guideline: "chào mừng Đại hội" adds no PARTY):
# the phrase up to the next punctuation is hidden from the PARTY lexicon.
_OCCASION = re.compile(
    r"(?:chào mừng|hướng tới|hướng về|trước thềm|nhân dịp|mừng|kỷ niệm)\s+"
    r"(?:thành công\s+)?(?:của\s+)?(?:kỷ niệm\s+)?"
    r"(?:đại hội|\d+ năm|ngày thành lập)[^,.;:()\n]*",
    re.IGNORECASE,
)
# A Party congress resolution cited as the yardstick for targets ("theo Nghị quyết Đại hội
# XVI Đảng bộ TP") is a weak hint, not Party work: replaced by one weak token so the
# "Đại hội"/"Đảng bộ" inside it do not count as a congress or an actor.
_PARTY_REF = re.compile(
    r"nghị quyết (?:số \S+ )?(?:của )?đại hội[^,.;:()\n]*?(?= và | để | nhằm |[,.;:()\n]|$)",
    re.IGNORECASE,
)

# A named speaker: "đồng chí" + a capitalised name or title (not "25 đồng chí", not the
# anaphoric "Đồng chí đề nghị" of a speech already introduced), "ông/bà" + a capitalised name,
# or a leadership title. The guideline gives EVENT to the sentence that introduces a named
# speaker's speech.
_SPEAKER_DONGCHI = re.compile(r"(?<!\d )(?<!\w)đồng chí(?= \w)", re.IGNORECASE)
_SPEAKER_HONORIFIC = re.compile(r"(?<!\w)(?:ông|bà)(?= \w)", re.IGNORECASE)
_SPEAKER_TITLE = re.compile(
    r"(?<!\w)(?:Tổng Bí thư|Chủ tịch nước|Thủ tướng|Bí thư|Phó Bí thư|Chủ tịch|Phó Chủ tịch|"
    r"Bộ trưởng|Thứ trưởng|Trưởng ban|Chủ nhiệm|Giám đốc|Tổng Giám đốc)(?!\w)",
    re.IGNORECASE,
)
# Verbs of a speaker directing or addressing a meeting ("dưới sự chỉ đạo", "theo chỉ đạo"
# are not one).
_SPEECH_DIRECT = re.compile(
    _B + r"(?:nhấn mạnh|yêu cầu|đề nghị|(?<!sự )(?<!theo )(?<!các )chỉ đạo|phát biểu|kết luận|"
    r"ghi nhận|biểu dương|đánh giá cao|lưu ý|quán triệt|giao nhiệm vụ|khen ngợi|chúc mừng|"
    r"báo cáo về)" + _E,
    re.IGNORECASE,
)
# Softer verbs: in gov-portal reports they follow "đồng chí …"; after "ông/bà" they are as
# often quotes in an interview, which is not a meeting.
_SPEECH_SOFT = re.compile(
    _B + r"(?:nêu rõ|khẳng định|chỉ rõ|đồng tình|trình bày|mong muốn|tin tưởng|đề xuất|"
    r"kêu gọi|thừa nhận|nhận định|giải trình)" + _E,
    re.IGNORECASE,
)
# The meeting itself named in the sentence: then "ông/bà X" speaking is a speech at it, not a
# remark in an interview or a news report ("X cho biết" alone is not EVENT).
_MEETING = re.compile(
    _B + r"(?:hội nghị|hội thảo|tọa đàm|kỳ họp|phiên họp|cuộc họp|buổi họp|họp báo|giao ban|"
    r"buổi làm việc|diễn đàn|đại hội|buổi lễ|lễ)" + _E,
    re.IGNORECASE,
)


def _named(rx: re.Pattern[str], text: str) -> bool:
    """``rx`` matches right before a capitalised word (a name or a title)."""
    return any(text[m.end() + 1].isupper() for m in rx.finditer(text))


def _introduces_speech(text: str) -> bool:
    """A named speaker with a verb of speaking or directing (guideline: EVENT).

    Gov-portal reports name the speaker "đồng chí …" and speak only of meetings; in news
    a named "ông/bà …" or an office holder speaks at a meeting only if the sentence says so.
    """
    verb = _SPEECH_DIRECT.search(text) or _SPEECH_SOFT.search(text)
    if not verb:
        return False
    if _named(_SPEAKER_DONGCHI, text):
        return True
    speaker = _named(_SPEAKER_HONORIFIC, text) or _SPEAKER_TITLE.search(text)
    return bool(speaker and _MEETING.search(text))


# Cues that announce a meeting; with no real Party-work cue, such a sentence is EVENT only
# (guideline: "a sentence that only announces a Party committee meeting is EVENT, not PARTY").
_ANNOUNCE = re.compile(
    r"(?:tổ chức|triệu tập|khai mạc|bế mạc|diễn ra)\s+(?:\w+\s+){0,3}?"
    r"(?:hội nghị|phiên họp|kỳ họp)|hội nghị[^.;:]{0,60} lần thứ|^\s*hội nghị\b",
    re.IGNORECASE,
)
# Cadre planning ("Công tác cán bộ, nhất là quy hoạch, bổ nhiệm …") is PARTY, not spatial
# or economic planning.
_CADRE_NEAR = re.compile(
    r"cán bộ|bổ nhiệm|luân chuyển|điều động|nhân sự|cấp ủy", re.IGNORECASE
)
# The Party's own inspection ("kiểm tra, giám sát" of cấp ủy, tổ chức đảng): then "kiểm tra"
# is PARTY, not the state inspection that the guideline files under GOVERNANCE.
_PARTY_INSPECTION = re.compile(
    _B + r"(?:đảng|cấp ủy|ủy ban kiểm tra|UBKT|giám sát|chi bộ)" + _E, re.IGNORECASE
)
# State inspection: a state body inspects or supervises ("Sở Y tế kiểm tra, giám sát vệ sinh
# thực phẩm"). Without a Party actor, "kiểm tra, giám sát" is then not Party work (the
# guideline adds PARTY only "when Party inspection is meant too").
_STATE_OVERSEER = re.compile(
    _B + r"(?:UBND|Ủy ban nhân dân|Chính phủ|chính quyền|cơ quan (?:chức năng|nhà nước|quản lý)|"
    r"Viện kiểm sát|quản lý thị trường|(?-i:(?:Sở|Bộ|Cục|Chi cục) [A-ZĐ])\w*)" + _E, re.IGNORECASE
)
# Oversight of public duties by elected bodies and inspectorates ("HĐND tỉnh giám sát việc
# giải quyết khiếu nại", "Đoàn giám sát của Quốc hội"): the guideline's "state inspection of
# public duties", GOVERNANCE. A Sở checking food stalls is inspection of businesses, not this.
_OVERSIGHT_BODY = re.compile(
    _B + r"(?:HĐND|Hội đồng nhân dân|Quốc hội|ĐBQH|đại biểu (?:Quốc hội|HĐND)|Thanh tra)" + _E
)
_PARTY_ACTOR = re.compile(
    _B + r"(?:đảng|đảng viên|cấp ủy|ủy ban kiểm tra|UBKT|chi bộ|MTTQ|Mặt trận|"
    r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|"
    r"đoàn thể|tổ chức chính trị|Công đoàn|LĐLĐ|Liên đoàn Lao động)" + _E,
    re.IGNORECASE,
)
_PLAN = re.compile(_B + r"(?:quy|qui) hoạch" + _E, re.IGNORECASE)


# Some sources put the tone on the first vowel of uâ/oă/iê/uô/yê (``thảo lụân``, ``họăc``);
# Vietnamese puts it on the vowel with the hat/breve/horn. ``phogov.normalize`` leaves these,
# so the topic matcher repairs a private copy (scores only, no offsets to keep).
_MISPLACED_TONE = re.compile(
    r"([aeiouyAEIOUY])([\u0300\u0301\u0303\u0309\u0323])([aeouAEOU][\u0302\u0306\u031b])"
)


def _repair_tones(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    fixed = _MISPLACED_TONE.sub(r"\1\3\2", nfd)
    return text if fixed == nfd else unicodedata.normalize("NFC", fixed)


# A related-news link: a headline with its date glued in brackets at the end and no final
# stop (``Cầu Long Biên có thể được nâng cao thêm 3 m(05/05/2004)``; a sentence that
# cites a date writes a space first), or a line opened by ``>>``.
_DATED_LINK = re.compile(r"\S\(\d{1,2}/\d{1,2}/\d{4}\)\s*$")
_LINK_MARK = re.compile(r"^\s*(?:>>|&gt;&gt;)")


# A source credit alone on its line (``Thanh Niên``, ``(Tuổi Trẻ)``, ``TTXVN``) and a digest's
# header (``Tin vắn ngày 2/7``): furniture, whatever the story around them.
_SOURCE_LINE = re.compile(
    r"^\s*\(?\s*(?:theo\s+)?(?:" + "|".join(
        re.escape(n) for n in sorted(MEDIA_NAMES, key=len, reverse=True))
    + r"|TTXVN|VnExpress|VietNamNet|Vietnamnet|VTV|VOV|SGGP|NLĐ|TTO|QĐND|CAND|PLVN)"
    r"(?:\s+Online)?\s*\)?\s*\.?\s*$"
)
_DIGEST_HEADER = re.compile(r"^\s*tin vắn(?:\s+ngày\s+[\d/.-]+)?\s*:?\s*$", re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """True for page furniture that the guideline leaves without a topic."""
    if _FURNITURE_PREFIX.match(text) or _LINK_MARK.match(text):
        return True
    if _SOURCE_LINE.match(text) or _DIGEST_HEADER.match(text):
        return True
    if _DATED_LINK.search(text) and len(text.split()) <= 30:
        return True
    rest = _NOISE.sub(" ", text)
    return not re.search(r"[^\W\d_]{2,}", rest)  # nothing but times, dates and widgets


def _overseers(text: str) -> tuple[bool, bool]:
    """(an elected body or inspectorate oversees, any state body inspects), both without
    a Party actor in the sentence (``_OVERSIGHT_BODY``, ``_STATE_OVERSEER``)."""
    if _PARTY_ACTOR.search(text):
        return False, False
    oversight = bool(_OVERSIGHT_BODY.search(text))
    return oversight, oversight or bool(_STATE_OVERSEER.search(text))


def _plan_is_cadre(text: str) -> bool:
    """Every "quy hoạch" in the sentence sits next to cadre vocabulary."""
    hits = list(_PLAN.finditer(text))
    return bool(hits) and all(
        _CADRE_NEAR.search(text, max(0, m.start() - 40), m.end() + 40) for m in hits
    )


def _evidence(topic: str, text: str, cands: set[int] | None = None) -> list[tuple[Cue, float]]:
    """The matching cues of one topic (the strongest per group).

    ``cands``: ``_INDEX.candidates(text)`` when the caller has it already.
    """
    if cands is None:
        cands = _INDEX.candidates(text)
    best: dict[str, tuple[Cue, float]] = {}
    out: list[tuple[Cue, float]] = []
    for i in sorted(cands & _TOPIC_IDS[topic]):  # in lexicon order
        cue, rx = _FLAT[i]
        if not rx.search(text):
            continue
        if cue.group is None:
            out.append((cue, cue.weight))
        elif cue.group not in best or best[cue.group][1] < cue.weight:
            best[cue.group] = (cue, cue.weight)
    return out + list(best.values())


def _noisy_or(weights: list[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


def score(text: str) -> dict[str, float]:
    """Confidence in [0, 1] for each topic of one normalised sentence (all six keys)."""
    scores = dict.fromkeys(TOPIC_LABELS, 0.0)
    if not text.strip() or is_furniture(text):
        return scores
    text = _repair_tones(text)

    # PARTY sees the sentence with occasions and cited congress resolutions neutralised.
    party_text = _OCCASION.sub(" ", text)
    party_text = _PARTY_REF.sub(" zzpartyref ", party_text)

    cands = _INDEX.candidates(text)
    party_cands = cands if party_text == text else _INDEX.candidates(party_text)
    for topic in TOPIC_LABELS:
        if topic == "PARTY":
            ev = _evidence(topic, party_text, party_cands)
        else:
            ev = _evidence(topic, text, cands)
        if topic == "ECONOMY" and _plan_is_cadre(text):
            ev = [(c, w) for c, w in ev if c.group != "plan"]
        # who inspects: read only when an inspection cue fired (most sentences have none)
        if topic == "PARTY" and any(c.group in ("insp", "party_insp") for c, _ in ev):
            if _overseers(text)[1]:
                ev = [(c, w) for c, w in ev if c.group not in ("insp", "party_insp")]
        if topic == "GOVERNANCE" and any(c.group == "state_insp" for c, _ in ev):
            if not _overseers(text)[0] and _PARTY_INSPECTION.search(text):
                ev = [(c, w) for c, w in ev if c.group != "state_insp"]
        scores[topic] = _noisy_or([w for _, w in ev])

    # A named speaker with a verb of speech introduces a speech: EVENT.
    if _introduces_speech(text):
        scores["EVENT"] = _noisy_or([scores["EVENT"], 0.8])

    # Announcing a Party committee meeting is EVENT, not PARTY: drop PARTY that rests
    # only on weak cues (the committee's name, "quy chế làm việc") when a meeting is announced.
    if _ANNOUNCE.search(text):
        strong = [w for _, w in _evidence("PARTY", party_text, party_cands) if w >= THRESHOLD]
        if not strong:
            scores["PARTY"] = min(scores["PARTY"], THRESHOLD - 0.05)

    return {k: round(v, 4) for k, v in scores.items()}


def label(text: str) -> list[str]:
    """Topics whose score reaches the threshold, in TOPIC_LABELS order."""
    s = score(text)
    return [t for t in TOPIC_LABELS if s[t] >= THRESHOLD]


# A bare header that opens a block of related-news links ("Tin tức khác", "Đọc thêm").
# The links below it are headlines of other articles, which the guideline leaves without a
# topic; a single sentence cannot tell them from content, the document order can.
_RELATED_HEADER = re.compile(
    r"^\s*(?:các )?(?:tin tức khác|tin khác|tin liên quan|bài liên quan|tin cùng chuyên mục|"
    r"đọc thêm|xem thêm|tin mới hơn|tin cũ hơn|tin đã đưa|bài viết liên quan)\s*:?\s*$",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(r"^\s*[-–•*+>»]\s*\S")


# The story's topic (document-level). Real news tells a crime case or a market story over
# many sentences, most of which carry no cue of their own ("Hắn sinh năm 1970 ở Thái
# Nguyên.", "Gian hàng vắng khách suốt buổi."); annotators label them with the story's topic
# (guideline: crime, investigation and trials are SECURITY; enterprises and trade ECONOMY).
# A document tells such a story when one narrative topic holds at least STORY_SHARE of the
# sentences the cues label, at least STORY_MIN of them and at least STORY_COVER of all its
# content sentences (two crime sentences in a long interview are no crime story). Then a
# content sentence without any topic takes it, and a sentence with a weak cue of it
# (``công an``, ``vụ án``; score >= STORY_WEAK) reaches the threshold. Only SECURITY and
# ECONOMY: on the dev golds, spreading PARTY, GOVERNANCE or SOCIETY the same way adds more
# wrong topics than right ones (seeds 0.989 -> 0.979), as those are told in cue words.
STORY_TOPICS = ("SECURITY", "ECONOMY")
STORY_SHARE = 0.5
STORY_MIN = 3
STORY_COVER = 0.4
STORY_WEAK = 0.4
STORY_SCORE = 0.55  # the score a continued sentence gets: just over THRESHOLD


def story_topic(scores: list[dict[str, float]], n_content: int) -> str | None:
    """The narrative topic that dominates a document's cue-labelled sentences, if any.

    ``n_content``: the document's content sentences; the topic must also be told in
    STORY_COVER of them, so that two cue sentences in a long interview do not make a story.
    """
    labelled = [s for s in scores if any(v >= THRESHOLD for v in s.values())]
    counts = {t: sum(s[t] >= THRESHOLD for s in labelled) for t in STORY_TOPICS}
    best = max(STORY_TOPICS, key=lambda t: counts[t])  # ties: the first of STORY_TOPICS
    if (counts[best] >= STORY_MIN and counts[best] >= STORY_SHARE * len(labelled)
            and counts[best] >= STORY_COVER * n_content):
        return best
    return None


def score_document(sentences: list[str]) -> list[dict[str, float]]:
    """``score`` for each normalised sentence of one document, in order, with the
    document-level rules: the link lines under a related-news header get no topic, and
    content sentences continue the story's topic (``story_topic``)."""
    out: list[dict[str, float]] = []
    content: list[bool] = []
    in_links = False
    for text in sentences:
        if _RELATED_HEADER.match(text):
            in_links = True
            out.append(dict.fromkeys(TOPIC_LABELS, 0.0))
            content.append(False)
            continue
        if in_links and (_LINK_LINE.match(text) or len(text.split()) <= 30):
            out.append(dict.fromkeys(TOPIC_LABELS, 0.0))
            content.append(False)
            continue
        in_links = False
        out.append(score(text))
        content.append(bool(text.strip()) and not is_furniture(text))
    story = story_topic(out, sum(content))
    if story is not None:
        for s, is_content in zip(out, content):
            if not is_content or s[story] >= THRESHOLD:
                continue
            if s[story] >= STORY_WEAK or all(v < THRESHOLD for v in s.values()):
                s[story] = STORY_SCORE
    return out


def topics_per_sentence(sentences: list[str]) -> list[list[str]]:
    """``label`` for each normalised sentence of one document (see ``score_document``)."""
    return [
        [t for t in TOPIC_LABELS if s[t] >= THRESHOLD] for s in score_document(sentences)
    ]


# The old name, kept for code written before the rename (issue 11): it collided with
# phogov.rules.aggregate.label_document, which labels entities and topics.
label_document = topics_per_sentence
