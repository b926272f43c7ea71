# Convenience targets that drive CMake (see README.md).
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps test sanitize fuzz install clean

all: $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

deps:
	scripts/install-deps --test

test: all
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

sanitize:
	cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DABGLEICH_SANITIZE=address,undefined
	cmake --build build-sanitize -j $(JOBS)
	ctest --test-dir build-sanitize --output-on-failure -j $(JOBS)

fuzz:
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DABGLEICH_FUZZ=ON
	cmake --build build-fuzz -j $(JOBS)

install: all
	cmake --install $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-fuzz
