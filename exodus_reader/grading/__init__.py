"""The classroom grader: a folder of submissions in, a gradebook and feedback out.

``submissions`` finds whose notebook each file is and reads it safely, ``grade`` runs each
submission sealed off, ``results`` holds what a run found and the verdict on each question,
``gradebook`` merges the verdicts with the teacher's marks, ``roster`` holds the class list
and matches download names to students, ``lms`` writes what Canvas and Moodle import, and
``selfcheck`` renders the grader's verdict for a student.
"""
