#include <gtest/gtest.h>

#include "text.h"

namespace radiculo {
namespace {

TEST(Text, FillsKnownPlaceholdersAndKeepsUnknownOnes) {
  EXPECT_EQ(fillTemplate("in {n} weeks, {x}", {{"n", "6"}}), "in 6 weeks, {x}");
  EXPECT_EQ(fillTemplate("no braces", {}), "no braces");
  EXPECT_EQ(fillTemplate("open { only", {}), "open { only");
}

TEST(Text, FormatsNumbersWithoutNoise) {
  EXPECT_EQ(formatNumber(6), "6");
  EXPECT_EQ(formatNumber(2.5), "2.5");
  EXPECT_EQ(formatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(formatNumber(1.0 / 3), "0.33");
  EXPECT_EQ(formatNumber(0), "0");
}

TEST(Text, JoinsListsWithTheLanguagesSeparators) {
  EXPECT_EQ(joinList({"a", "b", "c"}, ", ", " and "), "a, b and c");
  EXPECT_EQ(joinList({"a"}, ", ", " and "), "a");
  EXPECT_EQ(joinList({}, ", ", " and "), "");
}

}  // namespace
}  // namespace radiculo
