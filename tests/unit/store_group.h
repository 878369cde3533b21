/* store_group.h — the one database fixture F of a store conformance test
 * file and the cmocka group setup and teardown that open and close it, so
 * each test_store_*.c names them rather than writing them again. Include
 * once, from the test file itself. */
#ifndef EVNE_TEST_STORE_GROUP_H
#define EVNE_TEST_STORE_GROUP_H

#include "store_fixture.h"

static struct store_fixture F;

static int setup(void **state)
{
	(void)state;
	return store_fixture_open(&F);
}

static int teardown(void **state)
{
	(void)state;
	store_fixture_close(&F);
	return 0;
}

#endif
