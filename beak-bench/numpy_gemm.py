# OpenBLAS reference for the GEMM shapes of GemmBenchMain: numpy float32 A@B, best of 10 after warm-up.
import numpy as np, time
def bench(m,k,n,ta=False,tb=False):
    a = np.random.rand(k,m).astype(np.float32) if ta else np.random.rand(m,k).astype(np.float32)
    b = np.random.rand(n,k).astype(np.float32) if tb else np.random.rand(k,n).astype(np.float32)
    A = a.T if ta else a; B = b.T if tb else b
    for _ in range(3): A@B
    best=1e9
    for _ in range(10):
        t=time.perf_counter(); A@B; best=min(best,time.perf_counter()-t)
    print(f"M={m} K={k} N={n} ta={ta} tb={tb}: {2*m*k*n/best/1e9:.1f} GFLOP/s")
bench(64,800,12544); bench(800,64,12544,ta=True); bench(64,12544,800,tb=True); bench(1024,1024,1024); bench(2048,2048,2048)
try:
    from threadpoolctl import threadpool_info; print([ (i['internal_api'], i.get('architecture'), i['num_threads']) for i in threadpool_info()])
except Exception as e: print("no threadpoolctl", e)
