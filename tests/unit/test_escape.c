/* Unit tests of escape.c: names safe to print, and back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "utf8.h"

static void same(const char *in, const char *want)
{
    char *got = abg_name_escape(in);

    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* Worked out by hand from the rule in abgleich.h. */
static void examples(void **state)
{
    (void)state;
    same("corpus/a.txt", "corpus/a.txt");
    same("Bericht über Köln.txt", "Bericht über Köln.txt");
    same("a\033[31mrot\007.txt", "a\\x1b[31mrot\\x07.txt");
    same("caf\351.txt", "caf\\xe9.txt");          /* Latin-1 é, not UTF-8 */
    same("x\\y", "x\\\\y");                        /* a backslash doubles */
    same("c1\302\233x", "c1\\xc2\\x9bx");         /* U+009B, the C1 CSI */
    same("nbsp\302\240x", "nbsp\302\240x");       /* U+00A0 is no control */
    same("del\177", "del\\x7f");
    same("\360\237\230\200", "\360\237\230\200"); /* U+1F600 stays */
    same("\355\240\200", "\\xed\\xa0\\x80");       /* a surrogate is not UTF-8 */
}

/* Every byte string of up to 12 bytes drawn from a mix of controls,
 * backslashes, UTF-8 pieces and stray bytes: the escaped form is valid
 * UTF-8 with no control character, and unescaping gives the bytes back. */
static void round_trip(void **state)
{
    static const unsigned char pool[] = {'a', '\\', 'x', '1', 'b', 0x1B, 0x07, 0x7F,
                                         0xC2, 0x9B, 0xA0, 0xC3, 0xA9, 0xE9, 0xF0, 0x9F,
                                         0x98, 0x80, 0xED, 0xFF, '/', '#'};
    unsigned seed = 12345;
    int round;

    (void)state;
    for (round = 0; round < 20000; round++) {
        char in[16], *esc, *back;
        size_t n = (size_t)(seed % 13), i, blen;
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = (char)pool[(seed >> 16) % sizeof pool];
        }
        in[n] = '\0';
        seed = seed * 1103515245u + 12345u;
        esc = abg_name_escape(in);
        assert_non_null(esc);
        assert_int_equal(abg_utf8_check(esc, strlen(esc)), strlen(esc));
        for (i = 0; esc[i]; i++) {
            unsigned char c = (unsigned char)esc[i];
            assert_false(c < 0x20 || c == 0x7F);
            assert_false(c == 0xC2 && (unsigned char)esc[i + 1] < 0xA0);
        }
        back = abg_name_unescape(esc, &blen);
        assert_non_null(back);
        assert_int_equal(blen, n);
        assert_memory_equal(back, in, n);
        free(esc);
        free(back);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples),
        cmocka_unit_test(round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
