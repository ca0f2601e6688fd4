import { fuzzSuite, isWrite } from "./fuzz.ts";

// GET routes, lightly: malformed path ids and querystrings (huge numbers, bad escapes, year-0 days).
fuzzSuite("fuzz: read routes (path and querystring)", (route) => !isWrite(route));
