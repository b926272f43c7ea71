/* Compiles abgleich.h alone with strict warnings: the public header must
 * stand on its own and include none of the dependencies' headers. */
#include "abgleich.h"

int header_check_version_is_callable(void);

int header_check_version_is_callable(void)
{
    return abg_version() != NULL;
}
