"""Draws the extension's icons (42x42 RGBA PNGs, the size the Extension Manager
shows) with the standard library only: a bar chart on a rounded tile.

    python3 scripts/make_icons.py addin/icons

writes icon.png (default) and icon-hc.png (high contrast: white and yellow on
black, for Windows/KDE high-contrast themes). The PNGs are committed; run this
only to change the drawing.
"""
import os
import struct
import sys
import zlib

SIZE = 42
SUB = 4  # supersampling per axis for smooth edges


def png(path, pixels):
    """pixels: SIZE rows of SIZE (r, g, b, a) tuples."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def inside_rounded(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x < x1 and y0 <= y < y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def draw(tile, border, axis, bars, line):
    """tile/border/axis/line: RGB; bars: list of (x0, x1, top, RGB) in icon pixels."""
    out = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SUB):
                for sx in range(SUB):
                    x = px + (sx + 0.5) / SUB
                    y = py + (sy + 0.5) / SUB
                    colour = None
                    if inside_rounded(x, y, 1, 1, 41, 41, 7):
                        colour = border
                        if inside_rounded(x, y, 3, 3, 39, 39, 5):
                            colour = tile
                            for x0, x1, top, c in bars:
                                if x0 <= x < x1 and top <= y < 33:
                                    colour = c
                            if 7 <= x < 36 and 33 <= y < 35:  # base line
                                colour = axis
                            # a trend line over the bars: from (8, 26) to (35, 9)
                            t = (x - 8) / 27
                            if 0 <= t <= 1 and abs(y - (26 - 17 * t)) < 1.1:
                                colour = line
                    if colour is not None:
                        for i in range(3):
                            acc[i] += colour[i]
                        acc[3] += 255
            n = SUB * SUB
            a = acc[3] / n
            if a == 0:
                row.append((0, 0, 0, 0))
            else:
                row.append(tuple(int(round(acc[i] * 255 / acc[3])) for i in range(3)) + (int(round(a)),))
        out.append(row)
    return out


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    white = (255, 255, 255)
    bars = lambda c1, c2, c3: [(8, 15, 22, c1), (17, 24, 15, c2), (26, 33, 19, c3)]  # noqa: E731
    png(os.path.join(outdir, "icon.png"),
        draw(tile=(24, 98, 168), border=(14, 66, 120), axis=white,
             bars=bars((120, 190, 240), (255, 255, 255), (120, 190, 240)), line=(250, 170, 40)))
    yellow = (255, 255, 0)
    png(os.path.join(outdir, "icon-hc.png"),
        draw(tile=(0, 0, 0), border=white, axis=white, bars=bars(white, yellow, white), line=(0, 255, 255)))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "addin", "icons"))
