// gperftools' tcmalloc (Debian libgoogle-perftools-dev). Linking it into the
// smartsite executable replaces malloc and free for the whole process:
// Swift's runtime, libcmark and libyaml included.
#include <gperftools/malloc_extension_c.h>
