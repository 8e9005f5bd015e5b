"""Generate a paper's full report as a real, tagged-title PDF with ReportLab."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

BRAND = colors.HexColor("#124e66")


def build_report_pdf(
    *,
    title: str,
    subtitle: str,
    series: str,
    authors: Sequence[str],
    partners: Sequence[str],
    release_date: str,
    summary: str,
    key_findings: Sequence[str],
    sections: Sequence[tuple[str, str]],
) -> bytes:
    """Return the bytes of an A4 report: a title page, summary, findings and sections."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=", ".join(authors),
        subject=summary,
        creator="Neighbourhood Improvement Network (sample content)",
        lang="en-GB",
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )
    styles = getSampleStyleSheet()
    title_style = ParagraphStyle("ReportTitle", parent=styles["Title"], textColor=BRAND, fontSize=28, leading=34)
    subtitle_style = ParagraphStyle("ReportSubtitle", parent=styles["Heading2"], textColor=colors.black)
    heading = ParagraphStyle("ReportHeading", parent=styles["Heading2"], textColor=BRAND)
    body = ParagraphStyle("ReportBody", parent=styles["BodyText"], fontSize=11, leading=16)

    story = [
        Spacer(1, 40 * mm),
        Paragraph(escape(series), styles["Heading3"]),
        Paragraph(escape(title), title_style),
    ]
    if subtitle:
        story.append(Paragraph(escape(subtitle), subtitle_style))
    story += [
        Spacer(1, 10 * mm),
        Paragraph(escape(", ".join(authors)), body),
        Paragraph(escape(" with ".join(partners)), body),
        Paragraph(escape(f"Published {release_date}"), body),
        Spacer(1, 20 * mm),
        Paragraph("Sample content: this report was generated for the hub’s demonstration site.", body),
        PageBreak(),
        Paragraph("Summary", heading),
        Paragraph(escape(summary), body),
    ]
    if key_findings:
        story.append(Paragraph("Key findings", heading))
        story += [Paragraph(f"• {escape(finding)}", body) for finding in key_findings]
    for section_heading, text in sections:
        story += [Paragraph(escape(section_heading), heading), Paragraph(escape(text), body)]

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(22 * mm, 12 * mm, f"{title} · page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
