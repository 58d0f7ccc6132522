# Writes the .npy fixtures of NpyTensorTest with NumPy itself (python3 make_npy.py; NumPy 2.4.6 made the committed ones).
import numpy as np

np.save("f4_1x2x3.npy", (np.arange(6, dtype="<f4") / 4).reshape(1, 2, 3))
np.save("f8_2x1x2x3.npy", (np.arange(12, dtype="<f8") - 5.5).reshape(2, 1, 2, 3))
np.save("u1_2x3.npy", np.array([[0, 1, 2], [253, 254, 255]], dtype=np.uint8))
np.save("i8_1x2x3.npy", np.array([[[-3, 0, 7], [1 << 20, -(1 << 20), 2]]], dtype="<i8"))
np.save("fortran_1x2x3.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(1, 2, 3)))
np.save("big_endian_1x2x3.npy", np.arange(6, dtype=">f4").reshape(1, 2, 3))
np.save("f4_2x3.npy", np.arange(6, dtype="<f4").reshape(2, 3))
