// libvips's public API, as Debian's libvips-dev installs it. Swift cannot
// call its variadic functions; Sources/VipsCalls wraps the few smartsite uses.
#include <vips/vips.h>
