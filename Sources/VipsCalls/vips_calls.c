// Non-variadic wrappers around libvips for Swift (see include/vips_calls.h).
#include "vips_calls.h"

#define _GNU_SOURCE  // strcasestr
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

// libvips is opened when the first image is read, not linked: linked, it
// brings about a hundred libraries (glib, cairo, poppler's kin, HDF5, ...)
// that the loader maps and starts on every run of smartsite, 20-30 ms and
// 20 MB before main() for a site with no photo at all; and a machine
// without libvips could not even print `smartsite --help`. Every libvips
// and glib function this file calls is named here once, looked up in the
// opened library, and called through `api` (the #defines below make the
// calls read as libvips's own).
#define SMARTSITE_VIPS_FUNCTIONS(X) \
    X(vips_init) X(vips_version) X(vips_error) X(vips_error_clear) X(vips_error_buffer) \
    X(vips_cache_set_max) X(vips_cache_set_max_mem) X(vips_concurrency_set) \
    X(vips_block_untrusted_set) X(vips_operation_block_set) X(vips_foreign_find_load_buffer) \
    X(vips_image_new_from_buffer) X(vips_image_get_width) X(vips_image_get_height) X(vips_image_get_bands) \
    X(vips_image_get_fields) X(vips_image_remove) X(vips_image_copy_memory) X(vips_thumbnail_buffer) \
    X(vips_thumbnail_image) X(vips_jpegsave_buffer) X(vips_pngsave_buffer) X(vips_webpsave_buffer) \
    X(vips_gifsave_buffer) X(vips_image_new) X(vips_object_local_array) X(vips_image_hasalpha) \
    X(vips_array_double_newv) X(vips_flatten) X(vips_area_unref) X(vips_colourspace) X(vips_cast) \
    X(vips_image_write_to_memory) X(g_object_unref) X(g_free) X(g_malloc) X(g_strfreev)

#define SMARTSITE_POINTER(name) __typeof__(name) *name;
static struct { SMARTSITE_VIPS_FUNCTIONS(SMARTSITE_POINTER) } api;

// The soname Debian's libvips42 installs (libvips-dev's libvips.so links to it).
static const char *library_names[] = {"libvips.so.42", "libvips.so", NULL};

// Whether every function of the list was found; if not, why not.
static int opened = 0;
static char open_problem[512];

static int open_library(void) {
    void *library = NULL;
    for (const char **name = library_names; *name != NULL && library == NULL; name++) {
        library = dlopen(*name, RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(open_problem, sizeof open_problem, "libvips is not installed (%s)", why ? why : "libvips.so.42 not found");
        return -1;
    }
    // dlsym on the library's handle also finds glib's and gobject's functions, which libvips loaded.
#define SMARTSITE_LOOK_UP(name) \
    *(void **) (&api.name) = dlsym(library, #name); \
    if (api.name == NULL) { \
        snprintf(open_problem, sizeof open_problem, "this libvips has no %s", #name); \
        memset(&api, 0, sizeof api); \
        return -1; \
    }
    SMARTSITE_VIPS_FUNCTIONS(SMARTSITE_LOOK_UP)
#undef SMARTSITE_LOOK_UP
    opened = 1;
    return 0;
}

// From here on, libvips's names are the functions looked up.
#define vips_init (*api.vips_init)
#define vips_version (*api.vips_version)
#define vips_error (*api.vips_error)
#define vips_error_clear (*api.vips_error_clear)
#define vips_error_buffer (*api.vips_error_buffer)
#define vips_cache_set_max (*api.vips_cache_set_max)
#define vips_cache_set_max_mem (*api.vips_cache_set_max_mem)
#define vips_concurrency_set (*api.vips_concurrency_set)
#define vips_block_untrusted_set (*api.vips_block_untrusted_set)
#define vips_operation_block_set (*api.vips_operation_block_set)
#define vips_foreign_find_load_buffer (*api.vips_foreign_find_load_buffer)
#define vips_image_new_from_buffer (*api.vips_image_new_from_buffer)
#define vips_image_get_width (*api.vips_image_get_width)
#define vips_image_get_height (*api.vips_image_get_height)
#define vips_image_get_bands (*api.vips_image_get_bands)
#define vips_image_get_fields (*api.vips_image_get_fields)
#define vips_image_remove (*api.vips_image_remove)
#define vips_image_copy_memory (*api.vips_image_copy_memory)
#define vips_thumbnail_buffer (*api.vips_thumbnail_buffer)
#define vips_thumbnail_image (*api.vips_thumbnail_image)
#define vips_jpegsave_buffer (*api.vips_jpegsave_buffer)
#define vips_pngsave_buffer (*api.vips_pngsave_buffer)
#define vips_webpsave_buffer (*api.vips_webpsave_buffer)
#define vips_gifsave_buffer (*api.vips_gifsave_buffer)
#define vips_image_new (*api.vips_image_new)
#define vips_object_local_array (*api.vips_object_local_array)
#define vips_image_hasalpha (*api.vips_image_hasalpha)
#define vips_array_double_newv (*api.vips_array_double_newv)
#define vips_flatten (*api.vips_flatten)
#define vips_area_unref (*api.vips_area_unref)
#define vips_colourspace (*api.vips_colourspace)
#define vips_cast (*api.vips_cast)
#define vips_image_write_to_memory (*api.vips_image_write_to_memory)
#define g_object_unref (*api.g_object_unref)
#define g_free (*api.g_free)
#define g_malloc (*api.g_malloc)
#define g_strfreev (*api.g_strfreev)

struct smartsite_image {
    VipsImage *image;
};

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static int start_threads = 1;

static void start(void) {
    if (open_library() != 0) return;
    // VIPS_INIT's check, without its macro: the library must speak the ABI of the headers compiled against.
    if (vips_version(3) - vips_version(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE) {
        snprintf(open_problem, sizeof open_problem, "this libvips has ABI version %d, smartsite was built for %d",
                 vips_version(3) - vips_version(5), VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE);
        // Not started: libvips's error calls take a lock vips_init makes, so
        // from here on the problem is told as if libvips had not opened.
        opened = 0;
        return;
    }
    if (vips_init("smartsite") != 0) return;
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
    if (start_result != 0 && opened) vips_error("smartsite", "libvips could not start");
    return start_result;
}

// The functions that take a file's bytes are where work begins; without
// a started libvips they answer with its error instead of calling nothing.
#define SMARTSITE_NEEDS_LIBVIPS(failure) \
    if (start_result != 0) return failure;

// `loader` is a class name ("VipsForeignLoadJpegBuffer", "...SpngBuffer")
// or a nickname ("jpegload_buffer"), depending on the libvips version.
static int names(const char *loader, const char *format) {
    return strcasestr(loader, format) != NULL;
}

smartsite_image_format smartsite_vips_sniff(const void *bytes, size_t length) {
    SMARTSITE_NEEDS_LIBVIPS(SMARTSITE_IMAGE_UNKNOWN)
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
    SMARTSITE_NEEDS_LIBVIPS(-1)
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
            if (strncmp(*field, *prefix, strlen(*prefix)) == 0) {
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
    SMARTSITE_NEEDS_LIBVIPS(-1)
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

// What libvips allocated with g_malloc and the errors copied with strdup
// alike: glib's allocator is the C library's malloc (since glib 2.46).
void smartsite_vips_free(void *bytes) { free(bytes); }

char *smartsite_vips_error(void) {
    if (!opened) return strdup(open_problem);
    // libvips keeps one error buffer for the process: with several images at
    // once, a message may carry another image's words too; the caller names
    // the file itself.
    char *copy = strdup(vips_error_buffer());
    vips_error_clear();
    return copy;
}

int smartsite_vips_print_pixels(const smartsite_image *image, void **bytes, size_t *length) {
    VipsImage *base = vips_image_new();
    // A plain cast where VIPS_OBJECT() would check the type through gobject.
    VipsImage **step = (VipsImage **) vips_object_local_array((VipsObject *) base, 3);
    VipsImage *in = image->image;
    int failed = 0;
    // Paper has no transparency: what shows through is the white sheet.
    if (vips_image_hasalpha(in)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        failed = vips_flatten(in, &step[0], "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        in = step[0];
    }
    // A grey or palette logo becomes three bands, so PostScript's colorimage takes it.
    if (!failed) failed = vips_colourspace(in, &step[1], VIPS_INTERPRETATION_sRGB, NULL);
    if (!failed) failed = vips_cast(step[1], &step[2], VIPS_FORMAT_UCHAR, NULL);
    if (!failed && vips_image_get_bands(step[2]) != 3) {
        vips_error("smartsite", "the image has %d colour channels, not 3", vips_image_get_bands(step[2]));
        failed = -1;
    }
    if (!failed) {
        *bytes = vips_image_write_to_memory(step[2], length);
        if (*bytes == NULL) failed = -1;
    }
    g_object_unref(base);
    return failed ? -1 : 0;
}
