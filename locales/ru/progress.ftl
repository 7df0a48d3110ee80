## progress
