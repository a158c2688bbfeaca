"""Any text a participant types is either accepted as plain text or refused with a Dutch message."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tips import services

texts = st.text(max_size=400) | st.sampled_from(
    ["<script>x</script>", "&lt;b&gt;", "a\x00b", "Ｆｕｌｌ", "🙂 Moeder 1"]
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sanitise_returns_plain_text_or_a_clear_refusal(text):
    try:
        cleaned = services.sanitise(text)
    except services.TipError as error:
        assert str(error)
    else:
        # Plain text only (shown autoescaped); NUL bytes, which PostgreSQL refuses, never pass.
        assert "\x00" not in cleaned
        assert cleaned == cleaned.strip() and cleaned
        # A stored tip that is edited and saved again comes back unchanged.
        assert services.sanitise(cleaned) == cleaned


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_name_highlighting_never_loses_or_adds_text(text):
    segments = services.identifying_segments(text, names={"rotterdam", "ivo", "gemeente zwolle"})
    assert "".join(piece for piece, _suspicious in segments) == text
