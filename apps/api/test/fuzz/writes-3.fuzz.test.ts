import { fuzzSuite, isWrite, shardOf } from "./fuzz.ts";

// One third of the write routes (POST, PUT, PATCH, DELETE); the three files run in parallel.
fuzzSuite("fuzz: write routes, shard 3 of 3", (route) => isWrite(route) && shardOf(route, 3) === 2);
