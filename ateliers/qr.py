"""QR codes for check-in at the door: PNG for e-mail, inline SVG for the web page."""

import io

import qrcode
import qrcode.image.svg


def qr_png(data):
    buffer = io.BytesIO()
    qrcode.make(data, box_size=8, border=2).save(buffer)
    return buffer.getvalue()


def qr_svg(data):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    return image.to_string(encoding="unicode")
