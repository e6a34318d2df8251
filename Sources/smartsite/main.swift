print("smartsite")
