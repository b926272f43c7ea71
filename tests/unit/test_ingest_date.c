/* Unit tests of ingest_date.c: metadata dates to ISO 8601. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static const struct {
    const char *in;
    const char *out; /* NULL: not a date */
} cases[] = {
    {"2025-10-28", "2025-10-28"},
    {"  2025-10-28  ", "2025-10-28"},
    {"2025-10-28T08:30:00+01:00", "2025-10-28T08:30:00+01:00"},
    {"2025-10-28T08:30:00.123Z", "2025-10-28T08:30:00Z"},
    {"2025-10-28 08:30:00+0100", "2025-10-28T08:30:00+01:00"},
    {"Tue, 28 Oct 2025 17:45:00 +0100", "2025-10-28T17:45:00+01:00"},
    {"28 Oct 2025 17:45:00 GMT", "2025-10-28T17:45:00Z"},
    {"Fri, 31 Oct 25 12:00:00 +0100", "2025-10-31T12:00:00+01:00"},
    {"2024-02-29", "2024-02-29"},
    {"2025-02-29", NULL},
    {"2025-13-01", NULL},
    {"2025-10-28T24:00:00Z", NULL},
    {"28.10.2025", NULL},
    {"gestern", NULL},
    {"", NULL},
};

static void dates_are_normalised_or_refused(void **state)
{
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = abg_ingest_date_iso(cases[i].in, strlen(cases[i].in));
        if (!cases[i].out && got)
            fail_msg("'%s' gave '%s', expected no date", cases[i].in, got);
        if (cases[i].out && (!got || strcmp(got, cases[i].out)))
            fail_msg("'%s' gave '%s', expected '%s'", cases[i].in, got ? got : "(null)",
                     cases[i].out);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_are_normalised_or_refused),
    };
    return cmocka_run_group_tests_name("ingest_date", tests, NULL, NULL);
}
