"""The reports seeds 002 and 003 ask of every site each quarter: timeliness and activity, per site and nationally."""
