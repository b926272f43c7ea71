/*
 * test_jsonout.c: src/cli/jsonout.c writes what json_dumps writes, byte
 * for byte, on random values (strings with every control character,
 * quotes, backslashes and multi-byte UTF-8; integers and reals of every
 * magnitude; nested objects and arrays), and leaves to jansson what it
 * does not take (malformed UTF-8, other flags, bare values).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"

static uint32_t rng = 2463534242u;

static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static json_t *random_string(void)
{
    static const char *const pieces[] = {"a", "Z", " ", "\"", "\\", "/", "\x01", "\x1f",
                                         "\b", "\f", "\n", "\r", "\t", "\x7f", "\xc3\xa4",
                                         "\xe2\x82\xac", "\xf0\x9f\x98\x80", "0", "%", "\xc2\xa0"};
    char s[64];
    size_t n = 0, k = rnd() % 8;

    while (k-- > 0) {
        const char *p = pieces[rnd() % (sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        if (n + l >= sizeof s)
            break;
        memcpy(s + n, p, l);
        n += l;
    }
    return json_stringn(s, n);
}

static json_t *random_number(void)
{
    static const double scales[] = {1, 0.1, 1e-7, 1e5, 1e15, 1e17, 1e21, 1e-320, 123.456};
    double v;

    switch (rnd() % 4) {
    case 0:
        return json_integer((json_int_t)rnd() - (json_int_t)(rnd() % 3) * 2000000000LL);
    case 1:
        return json_integer(rnd() % 2 ? INT64_MAX : INT64_MIN);
    default:
        v = (double)rnd() / 7.0 * scales[rnd() % (sizeof scales / sizeof *scales)];
        return json_real(rnd() % 2 ? v : -v);
    }
}

static json_t *random_value(int depth)
{
    unsigned kind = rnd() % (depth > 3 ? 6 : 8);
    json_t *v;
    size_t i, n;

    switch (kind) {
    case 0:
    case 1:
        return random_string();
    case 2:
    case 3:
        return random_number();
    case 4:
        return rnd() % 2 ? json_true() : json_false();
    case 5:
        return json_null();
    case 6:
        v = json_array();
        for (i = 0, n = rnd() % 5; i < n; i++)
            json_array_append_new(v, random_value(depth + 1));
        return v;
    default:
        v = json_object();
        for (i = 0, n = rnd() % 5; i < n; i++) {
            json_t *k = random_string();
            json_object_set_new(v, json_string_value(k), random_value(depth + 1));
            json_decref(k);
        }
        return v;
    }
}

static void same_as_jansson(const json_t *v, size_t flags)
{
    jsonout b = JSONOUT_INIT;
    char *want = json_dumps(v, flags);

    assert_non_null(want);
    assert_int_equal(jsonout_value(&b, v, flags), 0);
    if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0)
        print_error("want %s\ngot  %.*s\n", want, (int)b.len, b.data);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    free(want);
    jsonout_dispose(&b);
}

static void random_values_as_jansson_writes_them(void **state)
{
    static const size_t flags[] = {JSON_COMPACT, JSON_COMPACT | JSON_REAL_PRECISION(15),
                                   JSON_COMPACT | JSON_REAL_PRECISION(6)};
    int round;

    (void)state;
    for (round = 0; round < 20000; round++) {
        json_t *v = json_object();
        json_object_set_new(v, "v", random_value(0));
        json_object_set_new(v, "w", random_value(0));
        same_as_jansson(v, flags[round % 3]);
        json_decref(v);
    }
}

static void fixed_values(void **state)
{
    json_t *v = json_pack("{s:f, s:f, s:f, s:f, s:I, s:s, s:[]}", "a", 1.0, "b", 1e22, "c",
                          -2.5e-8, "d", 0.1, "e", (json_int_t)-7, "f", "\x1f\"\\/", "g");

    (void)state;
    same_as_jansson(v, JSON_COMPACT);
    same_as_jansson(v, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(v);
}

/* What it leaves to jansson: -2 and the buffer as it was */
static void untaken_values(void **state)
{
    jsonout b = JSONOUT_INIT;
    json_t *bad = json_object(), *ok = json_pack("{s:s}", "k", "v");

    (void)state;
    /* a string jansson would not write: json_stringn_nocheck keeps it */
    json_object_set_new(bad, "k", json_stringn_nocheck("\xc3(", 2));
    assert_int_equal(jsonout_value(&b, ok, JSON_COMPACT), 0);
    assert_int_equal(jsonout_value(&b, bad, JSON_COMPACT), -2);
    assert_int_equal(b.len, strlen("{\"k\":\"v\"}"));
    assert_int_equal(jsonout_value(&b, ok, JSON_INDENT(2)), -2);
    assert_int_equal(jsonout_value(&b, ok, JSON_COMPACT | JSON_SORT_KEYS), -2);
    assert_int_equal(jsonout_value(&b, json_object_get(ok, "k"), JSON_COMPACT), -2);
    assert_int_equal(b.len, strlen("{\"k\":\"v\"}"));
    json_decref(bad);
    json_decref(ok);
    jsonout_dispose(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixed_values),
        cmocka_unit_test(random_values_as_jansson_writes_them),
        cmocka_unit_test(untaken_values),
    };
    return cmocka_run_group_tests_name("jsonout", tests, NULL, NULL);
}
