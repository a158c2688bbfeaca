"""Read the check-in QR code from the confirmation mail, the way a phone camera at the door would.

No QR *reader* is installed (only the `qrcode` writer the site uses), so this reads the clean,
computer-made PNG from the mail: sample the module grid, read the format information, unmask
the data modules in the standard zigzag order, undo the block interleaving and decode the
segments. The function-pattern layout and the block tables come from the `qrcode` package,
so this file holds only the reading. It does no error correction: the image is not damaged.
"""

import io

import qrcode
from PIL import Image
from qrcode import base, util


def _grid(png):
    image = Image.open(io.BytesIO(png)).convert("L")
    width, _height = image.size
    pixels = image.load()

    def dark(x, y):
        return pixels[x, y] < 128

    # The top-left finder pattern starts where the diagonal first meets a dark pixel; its
    # outer ring is seven modules wide.
    start = next(i for i in range(width) if dark(i, i))
    run = 0
    while dark(start + run, start):
        run += 1
    box = run / 7
    size = round((width - 2 * start) / box)
    return [
        [dark(int(start + (col + 0.5) * box), int(start + (row + 0.5) * box)) for col in range(size)]
        for row in range(size)
    ]


def _format(grid):
    size = len(grid)
    bits = 0
    for i in range(15):  # the vertical copy, as qrcode's setup_type_info writes it
        row = i if i < 6 else i + 1 if i < 8 else size - 15 + i
        bits |= grid[row][8] << i
    data = (bits ^ util.G15_MASK) >> 10
    return data >> 3, data & 7  # error correction level, mask pattern


def _function_modules(version, error_correction, mask):
    """Which modules are finder, timing, alignment, format or version patterns (not data)."""
    code = qrcode.QRCode(version=version, error_correction=error_correction)
    code.modules_count = count = version * 4 + 17
    code.modules = [[None] * count for _ in range(count)]
    code.setup_position_probe_pattern(0, 0)
    code.setup_position_probe_pattern(count - 7, 0)
    code.setup_position_probe_pattern(0, count - 7)
    code.setup_position_adjust_pattern()
    code.setup_timing_pattern()
    code.setup_type_info(True, mask)
    if version >= 7:
        code.setup_type_number(True)
    return [[module is not None for module in row] for row in code.modules]


def _codewords(grid, functional, mask):
    """The data bits in the zigzag order of qrcode's map_data, unmasked, as bytes."""
    size = len(grid)
    unmask = util.mask_func(mask)
    bits = []
    row, step = size - 1, -1
    for col in range(size - 1, 0, -2):
        if col <= 6:
            col -= 1
        while True:
            for c in (col, col - 1):
                if not functional[row][c]:
                    bits.append(grid[row][c] ^ bool(unmask(row, c)))
            row += step
            if row < 0 or row >= size:
                row -= step
                step = -step
                break
    return [int("".join("1" if bit else "0" for bit in bits[i : i + 8]), 2) for i in range(0, len(bits) - 7, 8)]


def _data_bytes(codewords, version, error_correction):
    blocks = base.rs_blocks(version, error_correction)
    data = [[] for _ in blocks]
    index = 0
    for i in range(max(block.data_count for block in blocks)):
        for number, block in enumerate(blocks):
            if i < block.data_count:
                data[number].append(codewords[index])
                index += 1
    return [byte for block in data for byte in block]


class _Bits:
    def __init__(self, data):
        self.bits = "".join(f"{byte:08b}" for byte in data)
        self.position = 0

    def read(self, count):
        value = self.bits[self.position : self.position + count]
        self.position += count
        return int(value, 2) if value else 0

    @property
    def left(self):
        return len(self.bits) - self.position


def _decode_segments(data, version):
    bits = _Bits(data)
    out = bytearray()
    while bits.left >= 4:
        mode = bits.read(4)
        if mode == 0:
            break
        count = bits.read(util.length_in_bits(mode, version))
        if mode == util.MODE_8BIT_BYTE:
            out += bytes(bits.read(8) for _ in range(count))
        elif mode == util.MODE_ALPHA_NUM:
            for _ in range(count // 2):
                pair = bits.read(11)
                out += bytes([util.ALPHA_NUM[pair // 45], util.ALPHA_NUM[pair % 45]])
            if count % 2:
                out += bytes([util.ALPHA_NUM[bits.read(6)]])
        elif mode == util.MODE_NUMBER:
            digits = ""
            for _ in range(count // 3):
                digits += f"{bits.read(10):03d}"
            if count % 3 == 2:
                digits += f"{bits.read(7):02d}"
            elif count % 3 == 1:
                digits += f"{bits.read(4):01d}"
            out += digits.encode()
        else:
            raise ValueError(f"QR segment mode {mode} is not supported")
    return out.decode("utf-8")


def read_qr(png):
    """The text in a QR code PNG made by the `qrcode` package."""
    grid = _grid(png)
    version = (len(grid) - 17) // 4
    error_correction, mask = _format(grid)
    codewords = _codewords(grid, _function_modules(version, error_correction, mask), mask)
    return _decode_segments(_data_bytes(codewords, version, error_correction), version)
