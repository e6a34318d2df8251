// The few libvips calls smartsite makes, as plain C functions: libvips's own
// API is variadic (`vips_thumbnail_buffer(..., "height", h, NULL)`), which
// Swift cannot call. Only plain C types cross this line; every function
// returns 0 on success and -1 with a message for `smartsite_vips_error`.
#ifndef SMARTSITE_VIPS_CALLS_H
#define SMARTSITE_VIPS_CALLS_H

#include <stddef.h>

/// Starts libvips once per process (later calls return the first result):
/// no operation cache (every image is read once), `threads` worker threads
/// per image (the build runs several images at once instead), and loaders
/// that libvips marks untrusted refused.
int smartsite_vips_start(int threads);

/// The formats smartsite reads and writes.
typedef enum {
    SMARTSITE_IMAGE_UNKNOWN = 0,
    SMARTSITE_IMAGE_JPEG = 1,
    SMARTSITE_IMAGE_PNG = 2,
    SMARTSITE_IMAGE_WEBP = 3,
    SMARTSITE_IMAGE_GIF = 4,
    SMARTSITE_IMAGE_SVG = 5,
} smartsite_image_format;

/// What the bytes are, by their content (not their name): the loader libvips
/// would pick; UNKNOWN for anything else (a text file named .jpg).
smartsite_image_format smartsite_vips_sniff(const void *bytes, size_t length);

/// Width and height from the header alone, without decoding the pixels.
int smartsite_vips_header(const void *bytes, size_t length, int *width, int *height);

/// An image held decoded in memory, shrunk to at most `width` pixels wide
/// (never enlarged), turned upright by its orientation tag and into sRGB;
/// a truncated or damaged file is an error, not a grey patch. Release it
/// with `smartsite_vips_release`.
typedef struct smartsite_image smartsite_image;
int smartsite_vips_decode(const void *bytes, size_t length, int width, smartsite_image **out);
/// A smaller copy of a decoded image, at most `width` wide.
int smartsite_vips_shrink(const smartsite_image *image, int width, smartsite_image **out);

// A drawing (SVG) rendered `width` pixels wide, larger than it is drawn if
// need be: a vector has no size of its own to stay under.
int smartsite_vips_render_drawing(const void *bytes, size_t length, int width, smartsite_image **out);
int smartsite_vips_width(const smartsite_image *image);
int smartsite_vips_height(const smartsite_image *image);
void smartsite_vips_release(smartsite_image *image);

/// The image encoded as `format` with every piece of metadata left out
/// (EXIF, GPS, XMP, IPTC, ICC profile, comments); `quality` for JPEG and
/// WebP. The bytes are freed with `smartsite_vips_free`.
int smartsite_vips_encode(const smartsite_image *image, smartsite_image_format format, int quality,
                          void **bytes, size_t *length);
void smartsite_vips_free(void *bytes);

/// The last error of this thread's call, in libvips's words (copied; freed
/// with `smartsite_vips_free`), and the error buffer cleared.
char *smartsite_vips_error(void);

#endif
