"""Word lists the SMART and acceptance-criteria checks read (internal).

Each list exists in English and Simplified Chinese; the statement's own
language picks the list, whatever language the findings are written in.
"""

from __future__ import annotations

import re

__all__ = [
    "CONJUNCTIONS",
    "DIRECTION",
    "GOAL_VERBS",
    "OBSERVABLE",
    "VAGUE",
    "chinese_chars",
    "detect_language",
    "find_terms",
    "has_number",
]

#: Words that sound like a goal but say neither what changes nor by how much.
VAGUE: dict[str, tuple[str, ...]] = {
    "en": (
        "improve", "improved", "improves", "improving", "improvement", "better", "best",
        "optimize", "optimise", "optimized", "optimised", "enhance", "enhanced", "enhancement",
        "as soon as possible", "asap", "user-friendly", "user friendly", "more", "some",
        "faster", "efficient", "efficiently", "effective", "robust", "seamless", "seamlessly",
        "significantly", "significant", "appropriate", "as needed", "world-class", "modern",
        "smooth", "smoother", "streamline", "streamlined", "boost", "good", "great", "easier",
        "easy", "intuitive", "high quality", "high-quality", "reasonable", "approximately",
        "roughly", "various", "etc", "and so on", "maximize", "maximise", "minimize",
        "minimise", "strengthen", "further",
    ),
    "zh": (
        "尽快", "优化", "提升", "改善", "适当", "大概", "尽量", "进一步", "加强", "完善",
        "更好", "大幅", "显著", "有效", "一定程度", "合理", "左右", "争取", "等等", "较好",
        "明显", "友好", "高效", "良好", "充分", "大力", "逐步", "全面", "稳步", "尽可能",
        "若干", "一些", "更加", "流畅", "顺畅",
    ),
}  # fmt: skip

#: Verbs that state a change to reach; two of them joined by a conjunction are two goals.
GOAL_VERBS: dict[str, tuple[str, ...]] = {
    "en": (
        "reduce", "cut", "lower", "decrease", "shorten", "halve", "increase", "raise", "grow",
        "double", "improve", "launch", "deliver", "migrate", "train", "achieve", "reach",
        "complete", "resolve", "ship", "roll out", "publish", "keep", "maintain", "answer",
        "respond", "onboard", "go live", "release", "automate", "implement", "build", "move",
        "bring", "get", "make", "hit", "boost", "enable", "retire", "close",
    ),
    "zh": (
        "降低", "减少", "缩短", "提高", "增加", "提升", "上线", "完成", "交付", "迁移", "培训",
        "达到", "实现", "保持", "发布", "解决", "响应", "覆盖", "部署", "开通", "推广", "压缩",
        "降到", "降至", "控制",
    ),
}  # fmt: skip

#: Words that join two goals into one statement.
CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "en": ("and", "as well as", "plus", "while also", "and also", "along with"),
    # no single 并: it is inside 合并 (merge); the clause-joining uses are listed instead
    "zh": ("以及", "并且", "同时", "，并", "并将", "并把", "并使", "另外", "还要", "此外"),
}

#: Verbs that say which way the metric should move: "down" or "up".
DIRECTION: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "down": (
            "reduce", "reduced", "reducing", "cut", "lower", "lowered", "decrease", "decreased",
            "shorten", "shortened", "halve", "bring down", "minimise", "minimize", "drop",
        ),
        "up": (
            "increase", "increased", "raise", "raised", "grow", "double", "boost", "lift",
            "expand",
        ),
    },
    "zh": {
        "down": ("降低", "减少", "缩短", "降到", "降至", "压缩", "下降", "减到", "减半", "缩减"),
        "up": ("提高", "增加", "提升", "增长", "扩大", "翻番", "翻倍", "增至"),
    },
}  # fmt: skip

#: Verbs that make an acceptance criterion observable by a tester (English ones in base
#: form: ``find_terms(..., stem=True)`` also matches "shows", "exported", "searching").
OBSERVABLE: dict[str, tuple[str, ...]] = {
    "en": (
        "can", "cannot", "must", "show", "display", "return", "receive", "send", "list",
        "appear", "contain", "log", "log in", "sign in", "record", "reject", "accept",
        "redirect", "download", "upload", "export", "import", "open", "save", "see", "view",
        "submit", "approve", "search", "print", "create", "delete", "edit", "update", "filter",
        "sort", "notify", "load", "respond", "pay", "access", "select", "enter", "click",
        "generate", "sync", "match", "equal", "fail", "succeed", "lock", "block", "within",
        "given", "when", "then",
    ),
    "zh": (
        "可以", "能够", "显示", "返回", "收到", "发送", "列出", "出现", "包含", "记录",
        "拒绝", "接受", "跳转", "下载", "上传", "导出", "导入", "打开", "保存", "看到", "查看",
        "提交", "审批", "搜索", "打印", "创建", "删除", "编辑", "修改", "筛选", "排序", "通知",
        "加载", "登录", "支付", "选择", "点击", "生成", "同步", "锁定", "以内", "之内", "等于",
    ),  # no single 能 or 当: they are inside 功能, 性能, 当前, 适当
}  # fmt: skip

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_ZH_NUMBER = re.compile(
    r"[一二三四五六七八九十两百千万半]+(?:个|天|次|周|小时|分钟|秒|倍|名|人|项|份|场|成|月|年|日)"
)


def chinese_chars(text: str) -> int:
    """How many Chinese characters ``text`` has.

    Example:
        >>> chinese_chars("上线 v2")
        2

    """
    return len(_CJK.findall(text))


def detect_language(text: str) -> str:
    """``"zh"`` when Chinese characters make up at least a third of the letters, else ``"en"``.

    Example:
        >>> detect_language("尽快提升员工满意度"), detect_language("Cut load time to 1.5 s")
        ('zh', 'en')
        >>> detect_language("将 NPS 从 20 提高到 40")
        'zh'

    """
    cjk = chinese_chars(text)
    latin = len(_LATIN.findall(text))
    return "zh" if cjk and cjk * 3 >= cjk + latin else "en"


def has_number(text: str) -> bool:
    """Whether ``text`` says how much: a digit, or a Chinese numeral with a measure word.

    Example:
        >>> has_number("from 3.2 s to 1.5 s"), has_number("缩短到两天"), has_number("进一步优化")
        (True, True, False)

    """
    return bool(_DIGIT.search(text) or _ZH_NUMBER.search(text))


def find_terms(
    text: str, terms: tuple[str, ...], language: str, *, stem: bool = False
) -> list[str]:
    """The ``terms`` that occur in ``text``, in their order of first appearance.

    English terms match whole words, case-insensitively (with ``stem``, also
    followed by -s, -es, -ed, -d or -ing); Chinese terms match anywhere (Chinese
    has no spaces between words).

    Example:
        >>> find_terms("Improve the portal, ASAP", VAGUE["en"], "en")
        ['improve', 'asap']
        >>> find_terms("尽快优化首页", VAGUE["zh"], "zh")
        ['尽快', '优化']
        >>> find_terms("Auditors exported it", OBSERVABLE["en"], "en", stem=True)
        ['export']

    """
    found: list[tuple[int, str]] = []
    lowered = text.lower()
    for term in terms:
        if language == "zh":
            at = text.find(term)
        else:
            suffix = "(?:s|es|ed|d|ing)?" if stem else ""
            match = re.search(rf"(?<![\w-]){re.escape(term)}{suffix}(?![\w-])", lowered)
            at = match.start() if match else -1
        if at >= 0:
            found.append((at, term))
    return [term for _, term in sorted(found)]
