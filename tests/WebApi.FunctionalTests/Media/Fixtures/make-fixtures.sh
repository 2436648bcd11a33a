#!/usr/bin/env bash
# Makes the committed media fixtures of the media processing tests. Not run by the tests: the
# files are committed, so a test run needs none of these tools. Run it again only to change them.
# Needs Debian's imagemagick, libimage-exiftool-perl, ghostscript (for srgb.icc), ffmpeg, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
icc=/usr/share/color/icc/ghostscript/srgb.icc

# A 64x48 JPEG (shown 48x64: EXIF orientation 6) with GPS, a camera serial, XMP, IPTC, a comment and an ICC profile.
convert -size 64x48 gradient:red-blue -quality 85 -profile "$icc" -comment 'shot at home' photo-gps.jpg
exiftool -q -overwrite_original \
  -GPSLatitude=48.8577 -GPSLatitudeRef=N -GPSLongitude=2.2950 -GPSLongitudeRef=E -GPSAltitude=35 \
  -SerialNumber=CAM-12345 -Make=TestCam -Model=T1 -DateTimeOriginal='2026:01:02 03:04:05' \
  -Orientation#=6 -XMP:Creator='Grandma' -XMP:GPSLatitude=48.8577 -XMP:GPSLongitude=2.2950 \
  -IPTC:Keywords=family -IPTC:City=Paris -Comment='shot at home' photo-gps.jpg

# A 40x30 PNG with EXIF GPS (eXIf), text chunks, a modification time and colour chunks (gAMA, cHRM, sRGB).
convert -size 40x30 gradient:green-yellow -define png:include-chunk=gAMA,cHRM,sRGB,tIME photo-gps.png
exiftool -q -overwrite_original -GPSLatitude=48.8577 -GPSLatitudeRef=N -GPSLongitude=2.2950 -GPSLongitudeRef=E \
  -PNG:Comment='shot at home' -PNG:Author='Grandma' -XMP:Creator='Grandma' photo-gps.png

# A 2-second 64x48 H.264 video with AAC audio, moov before mdat, its location in udta loci and ©xyz and in an XMP uuid box ...
ffmpeg -loglevel error -y -f lavfi -i testsrc=size=64x48:rate=10:duration=2 -f lavfi -i sine=frequency=440:duration=2 \
  -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 32k -metadata location=+48.8577+002.2950/ -movflags +faststart video-moov-first.mp4
exiftool -q -overwrite_original -UserData:GPSCoordinates='48.8577, 2.2950' -XMP-dc:Creator=Grandma -XMP-exif:GPSLatitude=48.8577 video-moov-first.mp4
# ... and a 3-second 80x60 HEVC video without audio, moov after mdat, its location as a meta key (as phones write it).
ffmpeg -loglevel error -y -f lavfi -i testsrc=size=80x60:rate=10:duration=3 \
  -c:v libx265 -x265-params log-level=none -tag:v hvc1 -pix_fmt yuv420p \
  -movflags use_metadata_tags -metadata com.apple.quicktime.location.ISO6709=+48.8577+002.2950/ video-moov-last.mp4

# Pixel floods: a PNG whose IHDR declares 100000x100000 with a 1x1 body, and a JPEG whose SOF declares 60000x60000.
python3 - <<'PY'
import struct, zlib
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 100000, 100000, 8, 2, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(b'\x00' * 4)) + chunk(b'IEND', b'')
open('flood.png', 'wb').write(png)
jpeg = bytearray(open('photo-gps.jpg', 'rb').read())
for marker in (b'\xff\xc0', b'\xff\xc2'):
    at = jpeg.find(marker)
    if at > 0:
        jpeg[at + 5:at + 9] = struct.pack('>HH', 60000, 60000)
        break
open('flood.jpg', 'wb').write(bytes(jpeg))
PY
ls -l photo-gps.jpg photo-gps.png video-moov-first.mp4 video-moov-last.mp4 flood.png flood.jpg
