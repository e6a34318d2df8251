/* The floor `make bench` compares smartsite with: what any generator has to
 * do for this corpus, and nothing more. Every .md file below CONTENT is
 * read, turned into HTML by libcmark (the library smartsite uses), and
 * written to OUTPUT as a folder with an index.html per page (the pretty
 * addresses both generators write), on as many threads as there are cores.
 *
 *     floor CONTENT OUTPUT
 *
 * The front matter is skipped, not parsed, and no template is applied: the
 * floor is the file system plus Markdown. */
#define _GNU_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **paths;
static size_t count, capacity, next_index;
static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *content_root, *output_root;

static void add(char *path) {
    if (count == capacity) {
        capacity = capacity ? capacity * 2 : 1024;
        paths = realloc(paths, capacity * sizeof *paths);
        if (!paths) { perror("floor"); exit(1); }
    }
    paths[count++] = path;
}

static void walk(const char *folder) {
    DIR *dir = opendir(folder);
    if (!dir) { perror(folder); exit(1); }
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char *path;
        if (asprintf(&path, "%s/%s", folder, entry->d_name) < 0) exit(1);
        size_t length = strlen(entry->d_name);
        if (entry->d_type == DT_DIR) { walk(path); free(path); }
        else if (length > 3 && strcmp(entry->d_name + length - 3, ".md") == 0) add(path);
        else free(path);
    }
    closedir(dir);
}

static void make_folders(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
        *slash = '/';
    }
}

static void page(const char *source) {
    FILE *in = fopen(source, "rb");
    if (!in) { perror(source); exit(1); }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    rewind(in);
    char *text = malloc(size + 1);
    if (!text || fread(text, 1, size, in) != (size_t)size) { perror(source); exit(1); }
    fclose(in);
    const char *body = text;
    if (strncmp(text, "---\n", 4) == 0) {
        const char *end = strstr(text + 4, "\n---\n");
        if (end) body = end + 5;
    }
    char *html = cmark_markdown_to_html(body, size - (body - text), CMARK_OPT_SMART);
    free(text);

    /* content/a/b.md -> output/a/b/index.html; content/a/_index.md -> output/a/index.html */
    const char *relative = source + strlen(content_root);
    size_t length = strlen(relative) - 3;
    char *target;
    if (length >= 7 && strncmp(relative + length - 7, "/_index", 7) == 0) length -= 7;
    if (asprintf(&target, "%s%.*s/index.html", output_root, (int)length, relative) < 0) exit(1);
    make_folders(target);
    FILE *out = fopen(target, "wb");
    if (!out || fwrite(html, 1, strlen(html), out) != strlen(html) || fclose(out) != 0) { perror(target); exit(1); }
    free(target);
    free(html);
}

static void *worker(void *unused) {
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&next_lock);
        size_t index = next_index++;
        pthread_mutex_unlock(&next_lock);
        if (index >= count) return NULL;
        page(paths[index]);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor CONTENT OUTPUT\n"); return 2; }
    content_root = argv[1];
    output_root = argv[2];
    walk(content_root);
    if (mkdir(output_root, 0755) != 0 && errno != EEXIST) { perror(output_root); return 1; }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t threads[256];
    if (cores > 256) cores = 256;
    for (long i = 0; i < cores; i++) pthread_create(&threads[i], NULL, worker, NULL);
    for (long i = 0; i < cores; i++) pthread_join(threads[i], NULL);
    printf("floor: %zu pages on %ld threads\n", count, cores);
    return 0;
}
