// libqrencode's public API, as Debian's libqrencode-dev installs it.
#include <qrencode.h>
