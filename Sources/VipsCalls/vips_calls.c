// Non-variadic wrappers around libvips for Swift (see include/vips_calls.h).
#include "vips_calls.h"

#define _GNU_SOURCE  // strcasestr
#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

struct smartsite_image {
    VipsImage *image;
};

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static int start_threads = 1;

static void start(void) {
    if (VIPS_INIT("smartsite") != 0) return;
    // Each image is read once per build: cached operations would only hold
    // memory (decoded photos) until the process ends.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_concurrency_set(start_threads);
    // Loaders libvips does not consider safe for hostile files (ImageMagick,
    // matlab, FITS and the like) are refused; smartsite also reads only the
    // formats named in smartsite_vips_sniff.
    vips_block_untrusted_set(TRUE);
    // Except SVG, which libvips counts as untrusted because librsvg is large:
    // smartsite draws only the site's own logo with it (for social media,
    // smartsite_vips_render_drawing), after checking it holds no script.
    vips_operation_block_set("VipsForeignLoadSvg", FALSE);
    start_result = 0;
}

int smartsite_vips_start(int threads) {
    start_threads = threads < 1 ? 1 : threads;
    pthread_once(&start_once, start);
    if (start_result != 0) vips_error("smartsite", "libvips could not start");
    return start_result;
}

// `loader` is a class name ("VipsForeignLoadJpegBuffer", "...SpngBuffer")
// or a nickname ("jpegload_buffer"), depending on the libvips version.
static int names(const char *loader, const char *format) {
    return strcasestr(loader, format) != NULL;
}

smartsite_image_format smartsite_vips_sniff(const void *bytes, size_t length) {
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    // find_load_buffer records an error when nothing matches; that is an answer here.
    vips_error_clear();
    if (loader == NULL) return SMARTSITE_IMAGE_UNKNOWN;
    if (names(loader, "jpeg")) return SMARTSITE_IMAGE_JPEG;
    if (names(loader, "png")) return SMARTSITE_IMAGE_PNG;
    if (names(loader, "webp")) return SMARTSITE_IMAGE_WEBP;
    if (names(loader, "gif")) return SMARTSITE_IMAGE_GIF;
    if (names(loader, "svg")) return SMARTSITE_IMAGE_SVG;
    return SMARTSITE_IMAGE_UNKNOWN;
}

int smartsite_vips_header(const void *bytes, size_t length, int *width, int *height) {
    // Opening from a buffer reads the header only; pixels are decoded on demand.
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

// Every piece of metadata a photo can carry, as libvips names its fields.
// Saving with "strip" is not enough: libvips 8.14's WebP writer still
// writes EXIF (with GPS) and XMP, so the fields go before any writer runs.
static const char *metadata_prefixes[] = {
    "exif-", "xmp-", "iptc-", "icc-profile-", "photoshop-", "png-comment-", "gif-comment", "comment", "orientation", NULL,
};

static void forget_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; field != NULL && *field != NULL; field++) {
        for (const char **prefix = metadata_prefixes; *prefix != NULL; prefix++) {
            if (g_str_has_prefix(*field, *prefix)) {
                vips_image_remove(image, *field);
                break;
            }
        }
    }
    g_strfreev(fields);
}

// Decodes `lazy` into memory (where a damaged file's errors show) and wraps it.
static int keep_in_memory(VipsImage *lazy, smartsite_image **out) {
    VipsImage *decoded = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    if (decoded == NULL) return -1;
    forget_metadata(decoded);
    smartsite_image *wrapper = g_malloc(sizeof *wrapper);
    wrapper->image = decoded;
    *out = wrapper;
    return 0;
}

// Thumbnail shrinks while it loads (a JPEG is decoded at 1/2, 1/4 or 1/8
// of its size), so a 20,000 px photo never exists at full size in memory;
// `size` says whether it may also enlarge (a drawing) or only shrink (a photo).
static int load_at_width(const void *bytes, size_t length, int width, VipsSize size, smartsite_image **out) {
    VipsImage *lazy = NULL;
    if (vips_thumbnail_buffer((void *) bytes, length, &lazy, width,
                              "height", VIPS_MAX_COORD, "size", size,
                              // thumbnail's own fail_on does not reach the loader in libvips 8.14
                              // (a cut-off JPEG decodes to grey); the loader's option string does.
                              "option_string", "fail_on=error", NULL) != 0) return -1;
    return keep_in_memory(lazy, out);
}

int smartsite_vips_decode(const void *bytes, size_t length, int width, smartsite_image **out) {
    return load_at_width(bytes, length, width, VIPS_SIZE_DOWN, out);
}

int smartsite_vips_render_drawing(const void *bytes, size_t length, int width, smartsite_image **out) {
    return load_at_width(bytes, length, width, VIPS_SIZE_BOTH, out);
}

int smartsite_vips_shrink(const smartsite_image *image, int width, smartsite_image **out) {
    VipsImage *lazy = NULL;
    if (vips_thumbnail_image(image->image, &lazy, width,
                             "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL) != 0) return -1;
    return keep_in_memory(lazy, out);
}

int smartsite_vips_width(const smartsite_image *image) { return vips_image_get_width(image->image); }
int smartsite_vips_height(const smartsite_image *image) { return vips_image_get_height(image->image); }

void smartsite_vips_release(smartsite_image *image) {
    if (image == NULL) return;
    g_object_unref(image->image);
    g_free(image);
}

int smartsite_vips_encode(const smartsite_image *image, smartsite_image_format format, int quality,
                          void **bytes, size_t *length) {
    VipsImage *in = image->image;
    switch (format) {
    case SMARTSITE_IMAGE_JPEG:
        return vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, "interlace", TRUE, NULL);
    case SMARTSITE_IMAGE_PNG:
        return vips_pngsave_buffer(in, bytes, length, "strip", TRUE, "compression", 9, NULL);
    case SMARTSITE_IMAGE_WEBP:
        return vips_webpsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, NULL);
    case SMARTSITE_IMAGE_GIF:
        return vips_gifsave_buffer(in, bytes, length, "strip", TRUE, NULL);
    default:
        vips_error("smartsite", "smartsite does not write this format");
        return -1;
    }
}

void smartsite_vips_free(void *bytes) { g_free(bytes); }

char *smartsite_vips_error(void) {
    // libvips keeps one error buffer for the process: with several images at
    // once, a message may carry another image's words too; the caller names
    // the file itself.
    char *copy = g_strdup(vips_error_buffer());
    vips_error_clear();
    return copy;
}
